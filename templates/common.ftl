<#-- Shared parts of every report body. Imported as "c". -->
<#macro commitBlock commit>
commit ${commit.hash}
<#if commit.author??>
Author: ${commit.author}
</#if>
<#if commit.date??>
Date:   ${commit.date}
</#if>

    ${commit.title}
<#if commit.merge>

This is a merge commit.
</#if>
</#macro>

<#macro candidateList>
<#list candidates as c>
  ${c.hash}
</#list>
</#macro>

<#macro rangeSection>
<#if start?? || stats.revisionsTested?? || stats.totalTime??>

<#if start??>
Start commit:     ${start.hash}
</#if>
<#if stats.revisionsTested??>
Revisions tested: ${stats.revisionsTested}
</#if>
<#if stats.totalTime??>
Time taken:       ${stats.totalTime}<#if stats.buildTime?? && stats.testTime??> (build ${stats.buildTime}, test ${stats.testTime})</#if>
</#if>
</#if>
</#macro>

<#macro reliabilitySection>
<#if reliability.concerns?has_content>

Reliability
-----------
<#if reliability.verdict == "mail">
The result was judged reliable enough to mail, with these concerns:
<#else>
Check this result before acting on it:
</#if>
<#list reliability.concerns as concern>
- ${concern}
</#list>
Confidence: ${reliability.score}
</#if>
</#macro>

<#-- One line per tested revision, at most 78 characters: the crash title is cut to fit first,
     then the runs; the marks are kept (unless a line has more marks than fit). A marked line starts with ">" and names its marks in brackets. -->
<#macro timelineSection>
<#if timeline?has_content>

Bisection timeline
------------------
In the order tested. Lines worth a look start with ">", the reason in [].
<#list timeline as t>
<@timelineLine t/>
</#list>
</#if>
</#macro>

<#macro timelineLine t width=78>
<#local head = t.marks?has_content?then("> ", "  ") + t.label?right_pad(8) + " " + t.shortHash + " " + t.verdict + " ">
<#local tail = t.marks?has_content?then(" [" + t.marks?join(", ") + "]", "")>
<#local room = width - head?length - tail?length>
<#if t.crashTitle?? && room gte t.runs?length + 10>
<#local body = (t.runs + ": " + t.crashTitle)?truncate_c(room, "...")>
<#elseif room gte t.runs?length>
<#local body = t.runs>
<#elseif room gte 8>
<#local body = t.runs?truncate_c(room, "...")>
<#else>
<#local body = "">
</#if>
${(head + body + tail)?truncate_c(width, "...")}
</#macro>

<#macro otherCrashesSection>
<#if otherCrashes?has_content>

This commit was also blamed for:
<#list otherCrashes as o>
- ${o}
</#list>
</#if>
</#macro>

<#macro crashSection>
<#if crash??>

Crash
-----
${crash.title}
<#if crash.excerpt?has_content>

${crash.excerpt}
<#if crash.excerptCut>
[... the report is longer; see the bisection log ...]
</#if>
</#if>
<#if crashTitleChanged>

The original commit crashed with a different title: ${originalCrashTitle}
</#if>
</#if>
</#macro>

<#macro linksSection>
<#if links?has_content>

Links
-----
<#if links.dashboard??>
Dashboard:      ${links.dashboard}
</#if>
<#if links.log??>
Bisection log:  ${links.log}
</#if>
<#if links.kernelConfig??>
Kernel config:  ${links.kernelConfig}
</#if>
<#if links.reproC??>
C reproducer:   ${links.reproC}
</#if>
<#if links.reproSyz??>
Syz reproducer: ${links.reproSyz}
</#if>
</#if>
</#macro>

<#macro recipientsSection>

Why you received this
---------------------
<#if !reasonGroups?has_content>
No maintainer was chosen for this result.
</#if>
<#list reasonGroups as g>
- ${g.reason}:
<#list g.addresses as a>
    ${a}
</#list>
</#list>
<#if trimmed?has_content>

Not mailed because of the recipient limit:
<#list trimmed as a>
    ${a}
</#list>
<#if trimmedMore gt 0>
    and ${trimmedMore} more
</#if>
</#if>
<#if redirected?has_content>

STAGING: this mail was redirected. It would have gone to:
<#list redirected as r>
    ${r.field}: ${r.address} (${r.reasons?join("; ")})
</#list>
<#if redirectedMore gt 0>
    and ${redirectedMore} more
</#if>
</#if>
</#macro>

<#macro footerSection>

-- 
Sent by culprit, a bisection notification bot. Replies reach its operators.
<#if commandsRead!false>
It also acts on command lines in replies, one per line: "#culprit wrong [why]",
"#culprit blame HASH [why]", "#culprit confirm", "#culprit uncc" (no more mail
about this result), "#culprit unsubscribe" (no more mail from culprit).
</#if>
Result key: ${shortKey}
</#macro>
