<#import "common.ftl" as c>
Bisection found the commit that fixes "${title}":

<@c.commitBlock commit/>
<@c.range/>
<@c.reliability/>

If this commit fixes the bug, please reply to the original report with:

#syz fix: ${commit.title}
<@c.crash/>
<@c.links/>
<@c.recipients/>
<@c.footer/>
