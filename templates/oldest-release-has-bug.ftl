<#import "common.ftl" as c>
Bisection found no culprit for "${title}": the crash already happens on the oldest tested release<#if notFoundTitle??> (${notFoundTitle})</#if>, so it is older than the releases the bisection can test.
<@c.rangeSection/>
<@c.reliabilitySection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
