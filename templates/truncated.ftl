<#import "common.ftl" as c>
Bisection of "${title}" has no result: its log ends before the bisection finished, or was cut.
<@c.range/>
<@c.reliability/>
<@c.crash/>
<@c.links/>
<@c.recipients/>
<@c.footer/>
