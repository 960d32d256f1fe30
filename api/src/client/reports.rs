//! Problem reports' calls.

use reqwest::Method;

use super::{Client, ClientResult};
use crate::ids::ReportId;
use crate::reports::{
    ConfirmReport, FiguresQuery, MergeReport, MonthFigures, NewReport, ReassignReport, ReopenReport, Report, ReportPage, ReportRules,
    ReportScope, ResolveReport,
};
use crate::paging::PageQuery;

impl Client {
    pub async fn report_problem(&self, report: &NewReport) -> ClientResult<Report> {
        self.send(self.request(Method::POST, "/reports").json(report)).await
    }

    /// A page of the caller's reports, the community's public cases, or what the caller's
    /// party handles: the first with `PageQuery::default()`.
    pub async fn reports(&self, scope: ReportScope, page: &PageQuery) -> ClientResult<ReportPage> {
        let scope = match scope {
            ReportScope::Mine => "mine",
            ReportScope::Public => "public",
            ReportScope::Handling => "handling",
        };
        self.send(self.request(Method::GET, "/reports").query(&[("scope", scope)]).query(page)).await
    }

    pub async fn problem_report(&self, id: ReportId) -> ClientResult<Report> {
        self.send(self.request(Method::GET, &format!("/reports/{id}"))).await
    }

    /// "Me too" on a neighbour's public case.
    pub async fn second_report(&self, id: ReportId) -> ClientResult<Report> {
        self.send(self.request(Method::POST, &format!("/reports/{id}/me-too"))).await
    }

    /// A handler of the party in charge takes the case on.
    pub async fn accept_report(&self, id: ReportId) -> ClientResult<Report> {
        self.send(self.request(Method::POST, &format!("/reports/{id}/accept"))).await
    }

    /// The handler says work has begun.
    pub async fn start_report(&self, id: ReportId) -> ClientResult<Report> {
        self.send(self.request(Method::POST, &format!("/reports/{id}/start"))).await
    }

    /// The handler says it is done, with a note and photos.
    pub async fn resolve_report(&self, id: ReportId, resolution: &ResolveReport) -> ClientResult<Report> {
        self.send(self.request(Method::POST, &format!("/reports/{id}/resolve")).json(resolution)).await
    }

    /// The reporter confirms and rates the handling.
    pub async fn confirm_report(&self, id: ReportId, confirmation: &ConfirmReport) -> ClientResult<Report> {
        self.send(self.request(Method::POST, &format!("/reports/{id}/confirm")).json(confirmation)).await
    }

    /// The reporter says it is not done.
    pub async fn reopen_report(&self, id: ReportId, reopening: &ReopenReport) -> ClientResult<Report> {
        self.send(self.request(Method::POST, &format!("/reports/{id}/reopen")).json(reopening)).await
    }

    /// Staff send the case to another party or pool.
    pub async fn reassign_report(&self, id: ReportId, reassignment: &ReassignReport) -> ClientResult<Report> {
        self.send(self.request(Method::POST, &format!("/reports/{id}/reassign")).json(reassignment)).await
    }

    /// Staff fold a duplicate into the case that carries on.
    pub async fn merge_report(&self, id: ReportId, merge: &MergeReport) -> ClientResult<Report> {
        self.send(self.request(Method::POST, &format!("/reports/{id}/merge")).json(merge)).await
    }

    pub async fn report_rules(&self) -> ClientResult<ReportRules> {
        self.send(self.request(Method::GET, "/reports/rules")).await
    }

    pub async fn set_report_rules(&self, rules: &ReportRules) -> ClientResult<ReportRules> {
        self.send(self.request(Method::PUT, "/reports/rules").json(rules)).await
    }

    /// A month's figures per category and party (this month when the query names none).
    pub async fn report_figures(&self, query: &FiguresQuery) -> ClientResult<MonthFigures> {
        let mut params = Vec::new();
        if let Some(year) = query.year {
            params.push(("year", year.to_string()));
        }
        if let Some(month) = query.month {
            params.push(("month", month.to_string()));
        }
        self.send(self.request(Method::GET, "/reports/figures").query(&params)).await
    }
}
