<#-- The notice to the moderation address about a held mail. Data model: templates/README.md. -->
A bisection result was held for moderation and has not been sent.

Result:    ${subject}
Outcome:   ${outcome}
<#if culprit??>
Culprit:   ${culprit}
</#if>
<#if crashTitle??>
Crash:     ${crashTitle}
</#if>
Log:       ${source}
Held at:   ${heldAt}
Key:       ${shortKey}

Why it was held
---------------
<#if reasons?has_content>
<#list reasons as r>
- ${r}
</#list>
<#else>
- the assessment gave no single reason; the result is not one commit or its score is low
</#if>
<#if score??>
Confidence: ${score}
</#if>

Would go to
-----------
<#if recipients?has_content>
<#list recipients as r>
    ${r.field}: ${r.address} (${r.reasons?join("; ")})
</#list>
<#else>
    nobody: no recipient is left after the recipient policy
</#if>

What to do
----------
To send it to these recipients (it keeps its Message-ID ${messageId}):

    ${releaseCommand}

To never send it, keeping your reason:

    ${dropCommand}

`culprit held` lists every held result.
<#if heldBody??>

The held mail
-------------
<#list heldBody?split("\n") as line>
> ${line}
</#list>
</#if>

-- 
Sent by culprit to its moderators.
