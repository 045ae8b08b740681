<#import "common.ftl" as c>
Bisection found no fix for this crash:

  ${title}

The crash still happens on the newest tested commit, or that commit
could not be tested.
<#if notFoundTitle??>
Newest tested commit: ${notFoundTitle}
</#if>
<@c.rangeSection/>
<@c.reliabilitySection/>
<@c.timelineSection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
