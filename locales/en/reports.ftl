# Problem reports.

error-report-changed = This report has just moved on. Please reload it.
error-report-taken = Someone else has just taken this case on.
error-reopen-too-late = The time to reopen this case has passed. If the problem is still there, please report it again.

notify-report-new = A new report waits to be accepted
notify-report-accepted = Your report was accepted
notify-report-resolved = Your report was resolved: please confirm and rate it
notify-report-reopened = The resident says the problem is not solved
notify-report-confirmed = The resident confirmed and rated the handling
notify-report-escalated = Nobody accepted a report in time: it went up a level
notify-report-reassigned = A report was sent on
notify-report-merged = Your report was merged with one about the same problem
