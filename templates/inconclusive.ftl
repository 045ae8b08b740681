<#import "common.ftl" as c>
Bisection of "${title}" is inconclusive: the <#if type == "fix">fixing<#else>first bad</#if> commit could be any of these ${candidates?size}:

<@c.candidateList/>
<@c.range/>
<@c.reliability/>
<@c.crash/>
<@c.links/>
<@c.recipients/>
<@c.footer/>
