<#import "common.ftl" as c>
Bisection found no culprit for "${title}": the crash already happens on the oldest tested release<#if notFoundTitle??> (${notFoundTitle})</#if>, so it is older than the releases the bisection can test.
<@c.range/>
<@c.reliability/>
<@c.crash/>
<@c.links/>
<@c.recipients/>
<@c.footer/>
