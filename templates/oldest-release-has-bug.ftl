<#import "common.ftl" as c>
Bisection found no culprit for this crash:

  ${title}

The crash already happens on the oldest release the bisection could test, so the bug is older
than that release.
<#if notFoundTitle??>
Oldest tested release: ${notFoundTitle}
</#if>
<@c.rangeSection/>
<@c.reliabilitySection/>
<@c.timelineSection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
