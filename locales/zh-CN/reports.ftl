# Problem reports (报事报修).

error-report-changed = 这件事刚刚有了新进展，请刷新后再看。
