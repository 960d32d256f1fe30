//! Problem reports' calls.

use reqwest::Method;

use super::{Client, ClientResult};
use crate::ids::ReportId;
use crate::reports::{NewReport, Report, ReportRules, ReportScope, ReportSummary};

impl Client {
    pub async fn report_problem(&self, report: &NewReport) -> ClientResult<Report> {
        self.send(self.request(Method::POST, "/reports").json(report)).await
    }

    /// The caller's reports, the community's public cases, or what the caller's party handles.
    pub async fn reports(&self, scope: ReportScope) -> ClientResult<Vec<ReportSummary>> {
        let scope = match scope {
            ReportScope::Mine => "mine",
            ReportScope::Public => "public",
            ReportScope::Handling => "handling",
        };
        self.send(self.request(Method::GET, "/reports").query(&[("scope", scope)])).await
    }

    pub async fn problem_report(&self, id: ReportId) -> ClientResult<Report> {
        self.send(self.request(Method::GET, &format!("/reports/{id}"))).await
    }

    /// "Me too" on a neighbour's public case.
    pub async fn second_report(&self, id: ReportId) -> ClientResult<Report> {
        self.send(self.request(Method::POST, &format!("/reports/{id}/me-too"))).await
    }

    pub async fn report_rules(&self) -> ClientResult<ReportRules> {
        self.send(self.request(Method::GET, "/reports/rules")).await
    }

    pub async fn set_report_rules(&self, rules: &ReportRules) -> ClientResult<ReportRules> {
        self.send(self.request(Method::PUT, "/reports/rules").json(rules)).await
    }
}
