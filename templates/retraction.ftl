<#-- The correction sent to the recipients of a retracted result. Data model: templates/README.md. -->
The bisection result reported in this thread has been withdrawn: please
disregard it.

Reason: ${why}
<#if newCulprit??>

The commit now believed to be the culprit is:

    ${newCulprit.hash}
</#if>

The withdrawn report:
    Subject:    ${originalSubject}
    Message-ID: ${originalMessageId}
<#if sentAt??>
    Sent:       ${sentAt}
</#if>

culprit will not mail this result again. Tags taken from the withdrawn report
(Fixes:, Reported-by:, Closes:) should not be used on its account.

Why you received this
---------------------
You received the withdrawn report.

-- 
Sent by culprit, a bisection notification bot. Replies reach its operators.
Result key: ${shortKey}
