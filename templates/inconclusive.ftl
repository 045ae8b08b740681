<#import "common.ftl" as c>
Bisection of "${title}" is inconclusive: the <#if type == "fix">fixing<#else>first bad</#if> commit could be any of these ${candidates?size}:

<@c.candidateList/>
<@c.rangeSection/>
<@c.reliabilitySection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
