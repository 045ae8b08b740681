<#import "common.ftl" as c>
Bisection found no fix for "${title}": the crash still happens on HEAD<#if notFoundTitle??> (${notFoundTitle})</#if>, or HEAD could not be tested.
<@c.rangeSection/>
<@c.reliabilitySection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
