# wishes — micro-wishes (微心愿)

error-wish-taken = Another volunteer has just taken this wish on. Have a look at the others.
error-wish-changed = This wish has just changed. Please reload it.
error-own-wish = You cannot take on your own wish.
error-claim-expired = Your time for this wish ran out and it is back on the board. Take it on again if you still want to help.

tile-wishes = Wishes
wishes-title = Micro-wishes
wishes-intro = Small wishes of neighbours, taken on by volunteers, party members, organisations and shops. The board shows only a surname and the building.
wishes-links-label = Micro-wishes
wishes-none = No wishes are waiting for help right now.
wishes-more = Show more wishes
wish-filter-category = Kind
wish-filter-any-category = Every kind
wish-filter-state = State
wish-filter-in-need = Still in need
wish-category-goods = Something to have
wish-category-task = Help with a task
wish-category-company = Company or a visit
wish-category-other = Other
wish-state-pending = Waiting for staff
wish-state-rejected = Declined
wish-state-open = Waiting for a volunteer
wish-state-claimed = Taken on
wish-state-fulfilled = Waiting for confirmation
wish-state-closed = Come true
wish-state-withdrawn = Withdrawn
wish-wanted-by = by { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
wish-face = { $initials } · { $building }
wish-volunteer = Volunteer: { $name }
wish-volunteer-of = { $name } ({ $organisation })
wish-entry-heading = Not urgent?
wish-entry-text = If you would like something, a hand with a task or some company, post a small wish and a volunteer will take it on.
wish-new-title = Post a wish
wish-new-intro = Write down your wish; community staff look at it before it goes on the board. Neighbours see only your surname and building.
wish-new-intro-staff = Post for a resident without a phone: choose the household and write how to address them. The wish goes on the board at once.
wish-field-what = What do you wish for?
wish-field-what-hint = In one line, e.g. “a radio”.
wish-field-why = Why (optional)
wish-field-why-hint = A few words help a volunteer help you.
wish-field-category = Kind
wish-field-wanted-by = Wanted by
wish-field-household-choose = Choose a household
wish-field-wisher-name = How to address the resident
wish-field-wisher-phone = Phone number (optional)
wish-submit = Post the wish
wish-mine-title = My wishes
wish-posted-heading = Wishes I posted
wish-posted-none = You have not posted a wish yet.
wish-held-heading = Wishes I took on
wish-held-none = You are not holding any wish right now.
wish-reason = Reason: { $reason }
wish-claim-heading = The volunteer
wish-claim-until = Please fulfil it by { $when }
wish-contact-heading = How to reach the wisher
wish-contact-call = Call { $phone }
wish-fulfilment-heading = What the volunteer did
wish-fulfilment-photo = The volunteer’s photo
wish-history-heading = History
wish-event-posted = { $actor } posted the wish
wish-event-approved = { $actor } put it on the board
wish-event-rejected = { $actor } declined it
wish-event-claimed = { $actor } took it on
wish-event-released = { $actor } gave it back to the board
wish-event-reminded = The volunteer was reminded that their time runs out soon
wish-event-expired = The volunteer’s time ran out; back on the board
wish-event-fulfilled = { $actor } says it is done
wish-event-confirmed = { $actor } confirmed it came true
wish-event-withdrawn = { $actor } withdrew it
wish-event-with-detail = { $event }: { $detail }
wish-minutes = { $hours ->
        [0] { $minutes } min
       *[other] { $minutes ->
            [0] { $hours } h
           *[other] { $hours } h { $minutes } min
        }
    }
wish-review-heading = Review
wish-approve = Approve: put it on the board
wish-decline-reason = Why not (the wisher sees this)
wish-decline = Decline
wish-claim-title = I can help
wish-claim-days = Once you take it on, you have { $days ->
        [one] one day
       *[other] { $days } days
    } to fulfil it.
wish-field-organisation = Your organisation or team (optional)
wish-field-organisation-hint = e.g. “Party volunteers” or the name of your shop.
wish-claim = Take this wish on
wish-release = I cannot do it: give it back
wish-fulfil-title = Done?
wish-field-note = What did you do?
wish-field-minutes = Time it took
wish-field-minutes-none = Not saying
wish-fulfil = Mark it as done
wish-confirm-title = Did your wish come true?
wish-confirm-text = The volunteer says it is done. Once you confirm, the wish is closed.
wish-field-thanks = A word for the volunteer (optional, shown on the thanks wall)
wish-confirm = Yes, it came true
wish-withdraw = Withdraw the wish
wish-take-down = Take the wish down
wish-withdraw-reason = Reason
wish-keep = Keep it
wish-thanks-title = Thanks wall
wish-thanks-none = No thanks yet.
wish-thanks-from = { $from } thanks { $to }
wish-record-heading = Volunteer record
wish-record-none = No wish has come true yet.
wish-record-people = Volunteers
wish-record-organisations = Organisations and teams
wish-tally = { $wishes ->
        [one] 1 wish
       *[other] { $wishes } wishes
    } · { $time }
wish-review-title = Wishes to review
wish-post-for = Post for a resident
wish-queue-heading = Waiting for review
wish-queue-none = No wish is waiting for review.
wish-queue-from = From { $name }
wish-rules-heading = Time to fulfil
wish-rules-claim-days = Days a volunteer has to fulfil a wish
wish-rules-claim-days-hint = { $min } to { $max } days. When the time runs out, the wish goes back to the board; the volunteer is reminded a day before.
wish-rules-saved = Saved.
wish-rules-submit = Save
notify-wish-approved = Your wish is on the board
notify-wish-rejected = Your wish was declined
notify-wish-claimed = A volunteer took your wish on
notify-wish-back-on-board = Your wish is back on the board
notify-wish-fulfilled = The volunteer says your wish came true: please confirm
notify-wish-confirmed = The wisher confirmed it. Thank you!
notify-wish-claim-ending = The time for a wish you took on runs out soon
notify-wish-claim-expired = Your time ran out; the wish is back on the board
notify-wish-withdrawn = A wish was withdrawn
