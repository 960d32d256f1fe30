# hall — the discussion hall (议事厅): votes, tallies, receipts

error-vote-not-open = This vote has not opened yet. Please come back when it opens.
error-vote-closed = This vote has closed; ballots are no longer taken.
error-ballot-final = Ballots in this vote cannot be changed, and you have already voted.
error-not-eligible = You may not vote on this (for example, only owners may).

tile-hall = Votes
hall-title = Discussion hall
hall-new-link = Open a vote
hall-none = No votes at the moment.
hall-scheduled = Not open yet
hall-closed = Closed
hall-secret = Secret ballot
hall-not-voted = You have not voted yet.
hall-counted = Counted: { $choice } (receipt { $receipt })
hall-cast-by-proxy = Cast for you by { $name }.
hall-turnout = { $ballots } of { $eligible } ballots cast
hall-option-count = { $count ->
    [one] 1 vote
   *[other] { $count } votes
} ({ $percent }%)
hall-tally = Live count
hall-tap-to-vote = Tap once to vote; you can change it until the vote closes:
hall-choose-up-to = Choose up to { $max }
hall-cast = Vote
hall-record-link = Check my ballot
vote-yes = Yes
vote-no = No
vote-abstain = Abstain
vote-left-days = { $count ->
    [one] 1 day left
   *[other] { $count } days left
}
vote-left-hours = { $count ->
    [one] 1 hour left
   *[other] { $count } hours left
}
vote-left-minutes = { $count ->
    [one] 1 minute left
   *[other] { $count } minutes left
}
hall-owners-heading = Under Article 278 of the Civil Code
hall-owners-approved = Both participation thresholds and both approval thresholds are met: the matter is approved.
hall-owners-not-approved = Not every threshold is met yet: the matter is not approved.
hall-rule-two-thirds = at least two thirds
hall-rule-three-quarters = at least three quarters
hall-rule-more-than-half = more than half
hall-threshold-met = met
hall-threshold-not-met = not met
hall-threshold-participation-area = Floor area taking part: { $count } of { $of } m² ({ $percent }%); needs { $rule }: { $met }
hall-threshold-participation-headcount = Owners taking part: { $count } of { $of } ({ $percent }%); needs { $rule }: { $met }
hall-threshold-approval-area = Area approving, of the area taking part: { $count } of { $of } m² ({ $percent }%); needs { $rule }: { $met }
hall-threshold-approval-headcount = Owners approving, of those taking part: { $count } of { $of } ({ $percent }%); needs { $rule }: { $met }
hall-record-title = Vote record
hall-chain-intact = Every ballot links to the one before it: nothing has been changed.
hall-chain-broken = Warning: the ballot record does not add up; a ballot may have been changed. Please tell the residents' committee.
hall-receipt-field = Enter your receipt
hall-receipt-counted = Found: this ballot is counted.
hall-receipt-replaced = Found: you voted again later, and that later ballot is the one counted.
hall-receipt-not-found = No such receipt. Please check what you typed.
hall-chain-entry = No. { $sequence } · receipt { $receipt } · { $choice }
hall-entry-counted = counted
hall-entry-replaced = replaced
hall-new-title = Open a vote
hall-field-question = What is being decided
hall-field-description = Details (optional)
hall-field-kind = How people answer
hall-kind-yes-no = Yes / No / Abstain
hall-kind-single = One option
hall-kind-multiple = Several options
hall-field-options = Options
hall-field-options-hint = One option per line, at least two.
hall-field-max = At most how many
hall-field-eligibility = Who votes
hall-eligibility-residents = Every resident, one ballot each
hall-eligibility-households = One ballot per household
hall-eligibility-owners = Owners' decision (by area and headcount)
hall-field-matter = Kind of matter (Civil Code, Article 278)
hall-field-days = Days open
hall-field-secret = Secret (nobody can see who chose what)
hall-field-final = Ballots cannot be changed once cast
hall-new-submit = Open the vote
matter-assembly-rules = Rules of procedure of the owners' assembly
matter-management-rules = The management rules
matter-owners-committee = Electing or replacing the owners' committee
matter-property-company = Hiring or dismissing the property-service company
matter-use-maintenance-fund = Using the building maintenance fund
matter-raise-maintenance-fund = Raising the building maintenance fund
matter-rebuilding = Rebuilding or reconstructing buildings and facilities
matter-common-parts-use = Changing the use of common parts, or using them for business
matter-other-major = Another major matter
