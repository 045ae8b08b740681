<#-- The note to the moderators when a person a result was sent to replies that it is wrong. Data model: templates/README.md. -->
${sender} replied that a result culprit sent them is wrong<#if newCulprit??>, and that the
commit now believed to be the culprit is ${newCulprit}</#if>.

Result:    ${subject}
Key:       ${shortKey}
State:     ${state}
Reply:     ${reply}
<#if why?has_content>
Reason:    ${why}
</#if>

<#if labelled>
The result is labelled wrong on the strength of the reply. </#if>Only the
culprit's author or a moderator withdraws a result by replying; to withdraw
it yourself:

    ${withdrawCommand}

-- 
Sent by culprit to its moderators.
