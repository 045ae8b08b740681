<#import "common.ftl" as c>
Bisection of this crash is inconclusive:

  ${title}

The <#if type == "fix">fixing<#else>first bad</#if> commit could be any of these ${candidates?size}:

<@c.candidateList/>
<@c.rangeSection/>
<@c.reliabilitySection/>
<@c.timelineSection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
