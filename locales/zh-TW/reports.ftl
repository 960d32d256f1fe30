# Problem reports (報事報修).

error-report-changed = 這件事剛剛有了新進展，請重新整理後再看。
