<#import "common.ftl" as c>
Bisection of "${title}" stopped with an error:

<#if error??>
${error.message}
<#if error.cut>
[... the error is longer; see the bisection log ...]
</#if>
</#if>
<@c.range/>
<@c.reliability/>
<@c.crash/>
<@c.links/>
<@c.recipients/>
<@c.footer/>
