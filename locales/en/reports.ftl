# Problem reports.

error-report-changed = This report has just moved on. Please reload it.
error-report-taken = Someone else has just accepted this case.
error-reopen-too-late = The time to ask for this case to be reopened has passed. If the problem is still there, please report it again.

notify-report-new = A new report is waiting to be accepted
notify-report-accepted = Your report was accepted
notify-report-resolved = Your report was resolved: please confirm and rate it
notify-report-reopened = The resident says the problem is not solved
notify-report-confirmed = The resident confirmed and rated the handling
notify-report-escalated = Nobody accepted a report in time: it went up a level
notify-report-reassigned = A report was passed on
notify-report-merged = Your report was merged with one about the same problem

tile-reports = Report a problem
reports-title = Problem reports
reports-intro = Something broken, dirty or unsafe at home or in the community? Report it here. It goes to whoever is responsible, who must accept it in time.
reports-intro-handler = The community's public reports. The cases you handle are under "Cases to handle".
reports-links-label = Problem reports
reports-views-label = Which reports to show
reports-mine-heading = My reports
reports-mine-none = You have not reported anything yet.
reports-their-heading = Their reports
reports-their-none = They have not reported anything yet.
reports-public-heading = In the community
reports-public-none = There are no public reports right now.
reports-more = Show more reports

report-new-title = Report a problem
report-new-intro = Say what is wrong and where, and add a photo if you can. It then goes to whoever is responsible.
report-field-category = What kind of problem
report-field-location = Where
report-field-location-hint = For example "Building 3, unit 1, lift" or "by the east gate".
report-field-description = What is wrong
report-field-description-hint = What you saw, and since when.
report-field-visibility = Who can see it
report-field-private = Not public
report-field-private-hint = Only you, the community staff and those handling it can see it.
report-field-public = Public to neighbours
report-field-public-hint = Neighbours can see it and say "me too" if they have the same problem, but never who reported it.
report-submit = Send the report
report-route = It goes to { $party }, to be accepted within { $within }.

report-category-home-repair = Repairs at home
report-category-common-areas = Common areas
report-category-environment = Environment and rubbish
report-category-parking = Parking
report-category-safety = Safety
report-category-neighbour-dispute = Neighbour dispute
report-category-other = Other
report-party-property-company = the property company
report-party-residents-committee = the residents' committee
report-party-street-office = the street office
report-party-pool = { $party } ({ $pool })
report-state-submitted = Waiting to be accepted
report-state-accepted = Accepted
report-state-in-progress = Being handled
report-state-resolved = Resolved, to be confirmed
report-state-confirmed = Solved
report-state-merged = Merged
report-days = { $count ->
        [one] 1 day
       *[other] { $count } days
    }
report-hours = { $count } h
report-minutes = { $count } min
report-private-tag = Not public
report-public-tag = Public
report-escalated-tag = Went up a level
report-card-accept-by = Accept by { $when }
report-reported-at = Reported { $when }
report-seconds = { $count ->
        [one] 1 neighbour has it too
       *[other] { $count } neighbours have it too
    }
report-seconds-page = { $count ->
        [0] No neighbour has said they have it too yet.
        [one] 1 neighbour has the same problem.
       *[other] { $count } neighbours have the same problem.
    }
report-seconded = You said you have this problem too.
report-second = Me too

report-entry-heading = Something broken at home or nearby?
report-entry-text = A leaking pipe, a broken lift, rubbish nobody collects: report it to the property company or the residents' committee.

report-fact-party = With
report-fact-handler = Handled by
report-fact-reporter = Reported by
report-fact-reported-at = Reported
report-reporter-call = Call { $phone }
report-accept-by = To be accepted by { $when }.
report-accept-overdue = Not accepted by { $when }: it is about to go up a level.
report-escalations = { $count ->
        [one] Nobody accepted it in time, so it went up a level once.
       *[other] Nobody accepted it in time, so it went up a level { $count } times.
    }
report-reopen-until = If it is not solved, you may ask for it to be handled again until { $when }; without an answer by then, it counts as solved.
report-merged-text = This was merged with another report about the same problem.
report-merged-link = See report no. { $id }
report-rating-heading = Rating
report-record-heading = Handling record
report-a-resident = A resident
report-event-submitted = { $actor } reported it
report-event-accepted = { $actor } accepted it
report-event-started = { $actor } started work
report-event-resolved = { $actor } resolved it
report-event-confirmed = { $actor } confirmed it is solved
report-event-reopened = { $actor } said it is not solved
report-event-reassigned = { $actor } passed it to { $party }
report-event-merged = { $actor } merged it with a report about the same problem
report-event-escalated = Nobody accepted it in time: it went up to { $party }
report-event-auto-confirmed = No answer in time: it counts as solved
report-event-with-detail = { $event }: { $detail }

report-handle-heading = Handle this case
report-accept = Accept
report-start = Start work
report-resolve-heading = Done?
report-resolve-note = What was done
report-resolve = Mark as resolved
report-confirm-heading = Is the problem solved?
report-confirm-text = If it is, please confirm and rate how it was handled.
report-confirm = Confirm it is solved
report-reopen-heading = Not solved?
report-reopen = Not solved: handle it again
report-reopen-reason = What is still wrong
report-step-cancel = Not now

report-staff-heading = Pass on or merge
report-reassign = Pass it to someone else
report-reassign-party = To
report-reassign-pool = Team (optional)
report-pool-hint = For example "plumbing team", at most 40 characters.
report-reassign-note = Why
report-merge = Merge into another report
report-merge-text = When the same problem was reported more than once, fold this report into the other one; its reporter is told.
report-merge-into = Merge into
report-merge-choose = Choose a report
report-merge-none = No other open report
report-merge-choice = No. { $id }: { $category } · { $location }

report-handling-title = Cases to handle
report-handling-intro = Reports sent to your organisation, those waiting to be accepted first.
report-handling-intro-staff = Every report in the community, those waiting to be accepted first.
report-waiting-count = { $count ->
        [0] No report is waiting to be accepted.
        [one] 1 report is waiting to be accepted.
       *[other] { $count } reports are waiting to be accepted.
    }
report-filter = Show
report-filter-all = All
report-filter-waiting = Waiting to be accepted
report-filter-under-way = Being handled
report-filter-resolved = Resolved, to be confirmed
report-filter-closed = Closed
report-handling-none = No such reports.

report-rules-title = Where reports go
report-rules-intro = For each kind of problem: who handles it, and within how many hours it must be accepted. If nobody accepts it in time, it goes up a level by itself. Changes apply to new reports.
report-rules-party = To
report-rules-pool = Team (optional)
report-rules-hours = Accept within (hours)
report-rules-hours-hint = The time to accept is at least 0.25 hours (15 minutes) and at most 168 hours (7 days).
report-rules-reopen-days = Days a resident may ask for a resolved case to be handled again
report-rules-reopen-days-hint = { $min } to { $max } days.
report-rules-save = Save the rules
report-rules-saved = Saved.

report-figures-title = Monthly report figures
report-figures-intro = For each kind of problem and who handled it: how many reports this month, how soon they were accepted and solved, and how satisfied residents were.
report-month = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
report-month-picker = Choose a month
report-month-previous = Previous month ({ $month })
report-month-next = Next month ({ $month })
report-figures-none = No reports this month.
report-figures-cases = Reports
report-figures-accept = Time to accept (median)
report-figures-resolve = Time to solve (median)
report-figures-satisfaction = Satisfaction
report-figures-stars = { $stars } stars ({ $count ->
        [one] 1 rating
       *[other] { $count } ratings
    })
report-figures-no-ratings = No ratings yet
report-figures-no-median = None yet
