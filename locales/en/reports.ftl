# Problem reports.

error-report-changed = This report has just moved on. Please reload it.
