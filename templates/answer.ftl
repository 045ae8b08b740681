<#-- The answer to a reply with #culprit commands, to its sender. Data model: templates/README.md. -->
${headline}
<#if outcomes?has_content>

What became of your commands
----------------------------
<#list outcomes as o>
${o?counter}. ${o.command}
   ${o.status}: ${o.text}
</#list>
</#if>

The commands
------------
Write each on a line of its own at the top of your reply, the line starting
with the word #culprit (at most 3 such lines in one reply):

- wrong [why]: the result is wrong; from the culprit's author or a moderator
  it is withdrawn, from another person it was sent to it is noted for the
  moderators
- blame HASH [why]: as wrong, and names the commit now believed to be the
  culprit (12 to 40 hex digits)
- confirm: the result is right
- uncc: you get no later mail about this result
- unsubscribe: you get no mail from culprit at all
- release, drop WHY: moderators only, for a result held for moderation

-- 
Sent by culprit, a bisection notification bot, in answer to your mail.
<#if shortKey??>
Result key: ${shortKey}
</#if>
