<#import "common.ftl" as c>
Bisection found the commit that introduced this crash:

  ${title}

<@c.commitBlock commit/>
<@c.rangeSection/>
<@c.reliabilitySection/>

<#if tags.fixes?? || tags.reportedBy?? || tags.closes??>

If you fix this, please add these tags to the commit:

<#if tags.reportedBy??>
Reported-by: ${tags.reportedBy}
</#if>
<#if tags.fixes??>
Fixes: ${tags.fixes}
</#if>
<#if tags.closes??>
Closes: ${tags.closes}
</#if>
</#if>
<#if commit.merge>

No Fixes: tag is suggested: a merge commit rarely causes a bug itself.
<#elseif !tags.fixes??>

No Fixes: tag is suggested: please check the concerns above first.
</#if>
<@c.otherCrashesSection/>
<@c.timelineSection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<#if trackRecord??>

Of the last ${trackRecord.landed?c} culprits this bot mailed whose fix has landed, ${trackRecord.right?c} were right.
</#if>
<@c.footerSection/>
