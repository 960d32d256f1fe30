//! Problem reports (报事报修): what the screens share.

use linli_api::reports::ReportNews;

/// The title of the OS notification for a case's news (its text is where the problem is).
pub fn news_title(news: ReportNews) -> &'static str {
    match news {
        ReportNews::New => "notify-report-new",
        ReportNews::Accepted => "notify-report-accepted",
        ReportNews::Resolved => "notify-report-resolved",
        ReportNews::Reopened => "notify-report-reopened",
        ReportNews::Confirmed => "notify-report-confirmed",
        ReportNews::Escalated => "notify-report-escalated",
        ReportNews::Reassigned => "notify-report-reassigned",
        ReportNews::Merged => "notify-report-merged",
    }
}
