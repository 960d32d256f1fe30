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
hall-chain-intact = Every ballot shown links to the one before it: nothing has been changed.
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

# topics (议题): proposals, discussion threads, what was done, photos

error-support-closed = This proposal no longer takes support: its deadline has passed, or it has gone to a vote.
error-vote-still-open = The vote on this topic is still open. Post what was done after it closes.
error-topic-has-vote = This topic already has a vote; it cannot get another.
error-not-an-image = This file is not a photo. Please choose a JPG, PNG or WebP picture.
error-image-too-large = This photo is too large. Please choose a smaller one.

hall-votes-heading = Votes
hall-new-for-topic = Vote on the topic “{ $title }”
hall-vote-topic-link = See this topic's discussion
topics-heading = Topics
topics-open-link = Open a topic
topics-propose-link = Propose a topic
topics-none = No topics yet.
topics-more = Show more topics
thread-more = Show more comments
thread-more-replies =
    { $count ->
        [one] Show { $count } more reply
       *[other] Show { $count } more replies
    }
topic-heading = Topic
topic-speaker-staff = { $name } (staff)
topic-speaker-building = { $name } ({ $building })
topic-staff = Staff
topic-state-proposed = Gathering support
topic-state-discussion = Under discussion
topic-state-concluded = What was done is posted
topic-state-lapsed = Not enough support; closed
topic-support-count = { $households } of { $needed } households support it
topic-support-bar = Support so far
topic-has-vote = Has a vote
topic-comments = { $count ->
    [one] 1 comment
   *[other] { $count } comments
}
topic-open-vote = Open a vote for this topic
topic-support-heading = Households' support
topic-support-deadline = Deadline: { $when }
topic-support-rule = Each household counts once. With { $needed } households, it goes to a vote.
topic-supported = Your household supports this.
topic-support-button = Support (for my household)
topic-support-lapsed = Not enough households supported it by the deadline, so it did not go to a vote.
topic-support-reached = Enough households supported it: it is now discussed and voted on.
topic-vote-heading = Vote
topic-vote-link = See the whole vote
topic-follow-up-heading = What was done
topic-follow-up-by = Posted by { $name }, { $when }
topic-follow-up-field = What was done, and how it turned out
topic-follow-up-hint = Residents see this here. Say what was done and when.
topic-follow-up-submit = Post what was done
thread-heading = What people say ({ $count })
thread-empty = Nobody has said anything yet.
thread-write = Say what you think
thread-field = Your comment
thread-submit = Post
thread-posted = Your comment is posted.
comment-hidden = Hidden by staff: { $reason }
comment-hidden-original = Original words (only the writer and staff see them):
comment-reply = Reply
comment-reply-field = Your reply
comment-reply-submit = Post reply
comment-reply-done = Your reply is posted.
comment-hide = Hide
comment-hide-reason = Why hide it (everyone will see this)
comment-hide-submit = Hide it
comment-hidden-done = The comment is hidden.
comment-cancel = Cancel
images-add = Add photos
images-hint = Up to { $max } photos, each at most { $megabytes } MB.
images-uploading = { $count ->
    [one] Uploading 1 photo…
   *[other] Uploading { $count } photos…
}
images-too-many = At most { $max } photos: the extra ones were not added.
images-chosen = Added photo { $index } of { $count }
images-remove = Remove photo { $index }
images-alt = Photo { $index } of { $count }
images-unavailable = The photo cannot be shown
topic-new-title-staff = Open a topic
topic-new-title-resident = Propose a topic
topic-new-intro-staff = Once it is open, residents can discuss it; when a decision is needed, open a vote for it.
topic-new-intro-resident = Your proposal goes to a vote once enough households support it.
topic-new-rules = Your proposal needs { $households } households to support it within { $days } days; then it goes to a vote for { $vote_days } days.
topic-field-title = Title
topic-field-body = Details (optional)
topic-field-body-hint = Say what you would like done, why, and where.
topic-new-submit-staff = Open the topic
topic-new-submit-resident = Send the proposal
rules-heading = Rules for residents' proposals
rules-intro = How many households must support a proposal, within how many days, and how long its vote lasts.
rules-households = Households needed
rules-support-days = Days to gather support
rules-vote-days = Days the vote stays open
rules-saved = The rules are saved.
rules-submit = Save the rules
hall-chain-count = Showing { $shown } of { $total } { $total ->
    [one] ballot
   *[other] ballots
}.
hall-chain-more = Show more ballots
