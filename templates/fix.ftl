<#import "common.ftl" as c>
Bisection found the commit that fixes this crash:

  ${title}

<@c.commitBlock commit/>
<@c.rangeSection/>
<@c.reliabilitySection/>

If this commit fixes the bug, please reply to the original report with:

#syz fix: ${commit.title}
<@c.timelineSection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
