<#-- One line; cleaned in code (control characters removed, whitespace collapsed, length capped). -->
<#assign t = title?has_content?then(title, (bug.title)!"unknown crash")>
<#switch outcome>
<#case "culprit">[culprit] ${t}: cause bisected to ${commit.shortHash}<#break>
<#case "fix">[culprit] ${t}: fix bisected to ${commit.shortHash}<#break>
<#case "inconclusive">[culprit] ${t}: ${type} bisection inconclusive (${candidates?size} candidates)<#break>
<#case "oldest-release-has-bug">[culprit] ${t}: already present on the oldest tested release<#break>
<#case "not-fixed-on-head">[culprit] ${t}: not fixed on HEAD<#break>
<#case "error">[culprit] ${t}: ${type} bisection failed<#break>
<#default>[culprit] ${t}: ${type} bisection did not finish
</#switch>
