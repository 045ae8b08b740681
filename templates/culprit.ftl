<#import "common.ftl" as c>
Bisection found the commit that introduced this crash:

  ${title}

<@c.commitBlock commit/>
<@c.rangeSection/>
<@c.reliabilitySection/>

If you fix this, please add these tags to the commit:

<#if tags.reportedBy??>
Reported-by: ${tags.reportedBy}
</#if>
Fixes: ${tags.fixes}
<#if tags.closes??>
Closes: ${tags.closes}
</#if>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
