<#import "common.ftl" as c>
Bisection of this crash stopped with an error:

  ${title}

<#if error??>
${error.message}
<#if error.cut>
[... the error is longer; see the bisection log ...]
</#if>
</#if>
<@c.rangeSection/>
<@c.reliabilitySection/>
<@c.timelineSection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
