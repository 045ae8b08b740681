<#import "common.ftl" as c>
Bisection of "${title}" has no result: its log ends before the bisection finished, or was cut.
<@c.rangeSection/>
<@c.reliabilitySection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
