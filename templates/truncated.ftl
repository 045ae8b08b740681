<#import "common.ftl" as c>
Bisection of this crash has no result yet:

  ${title}

Its log ends before the bisection finished, or was cut.
<@c.rangeSection/>
<@c.reliabilitySection/>
<@c.timelineSection/>
<@c.crashSection/>
<@c.linksSection/>
<@c.recipientsSection/>
<@c.footerSection/>
