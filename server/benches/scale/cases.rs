//! What is timed: each GET route of the OpenAPI document as the role that uses it, with the
//! biggest item of the data set, lists at their first page and a deep one.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, Utc};
use linli_server::seed::scale::landmarks::Landmarks;

use crate::timing::People;

/// Who asks. `FamilyForResident` is the family member acting for the benchmark's resident
/// (the `linli-acting-for` header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Who {
    Anyone,
    Resident,
    FamilyForResident,
    Family,
    Staff,
    Property,
    Merchant,
    Admin,
}

impl Who {
    pub fn name(self) -> &'static str {
        match self {
            Who::Anyone => "anyone",
            Who::Resident => "resident",
            Who::FamilyForResident => "family for resident",
            Who::Family => "family",
            Who::Staff => "staff",
            Who::Property => "property",
            Who::Merchant => "merchant",
            Who::Admin => "admin",
        }
    }
}

/// How a case's answer is read: whole, or (the event stream) up to its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Whole,
    FirstBytes,
}

#[derive(Debug, Clone)]
pub struct Case {
    /// The route as the OpenAPI document names it.
    pub route: &'static str,
    pub who: Who,
    pub variant: String,
    /// The path asked (the route with its ids), and the query.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub answer: Answer,
    /// A deep page of a list: reached by following the list's cursor from its first page.
    pub deep: bool,
}

const API: &str = "/api/v1";

fn case(route: &'static str, who: Who, variant: &str, path: String) -> Case {
    Case { route, who, variant: variant.to_owned(), path, query: Vec::new(), answer: Answer::Whole, deep: false }
}

impl Case {
    fn query(mut self, name: &str, value: impl ToString) -> Self {
        self.query.push((name.to_owned(), value.to_string()));
        self
    }
}

/// The first page and a deep page of a list.
fn list(route: &'static str, who: Who, variant: &str, path: String) -> [Case; 2] {
    let first = case(route, who, format!("{variant} first page").trim(), path);
    let deep = Case { variant: format!("{variant} deep page").trim().to_owned(), deep: true, ..first.clone() };
    [first, deep]
}

fn scoped(mut cases: [Case; 2], scope: &str) -> [Case; 2] {
    for case in &mut cases {
        case.query.push(("scope".into(), scope.into()));
    }
    cases
}

/// Every case, in the order of the table.
pub fn all(at: &Landmarks, now: DateTime<Utc>) -> Vec<Case> {
    use Who::*;
    let p = |tail: &str| format!("{API}{tail}");
    let last_month = (now - Duration::days(now.day() as i64 + 1)).date_naive();
    let mut cases = vec![
        case("/api/v1/me", Resident, "own account", p("/me")),
        case("/api/v1/me", Staff, "own account", p("/me")),
        case("/api/v1/communities", Anyone, "every community", p("/communities")),
        case("/api/v1/community/buildings", Resident, "every building", p("/community/buildings")),
        case("/api/v1/community/households", Staff, "biggest building", p("/community/households")).query("building", at.biggest_building),
        case("/api/v1/community/register.csv", Staff, "whole register", p("/community/register.csv")),
        case("/api/v1/community/households/{id}", Staff, "resident's household", p(&format!("/community/households/{}", at.resident_household))),
    ];
    cases.extend(list("/api/v1/community/register", Staff, "", p("/community/register")));
    cases.extend(list("/api/v1/community/accounts", Staff, "", p("/community/accounts")));
    cases.extend(list("/api/v1/admin/communities", Admin, "", p("/admin/communities")));

    cases.extend(list("/api/v1/notices", Resident, "", p("/notices")));
    cases.push(case("/api/v1/notices", FamilyForResident, "first page", p("/notices")));
    cases.extend([
        case("/api/v1/notices/{id}", Resident, "urgent, read by all", p(&format!("/notices/{}", at.read_by_all))),
        case("/api/v1/notices/{id}/reads", Staff, "read by all", p(&format!("/notices/{}/reads", at.read_by_all))),
        case("/api/v1/notices/{id}/reads", Staff, "read by none", p(&format!("/notices/{}/reads", at.read_by_none))),
        case("/api/v1/notices/{id}/reads/{building}", Staff, "read by all, biggest building", p(&format!("/notices/{}/reads/{}", at.read_by_all, at.biggest_building))),
        case("/api/v1/notices/{id}/reads/{building}", Staff, "read by none, biggest building", p(&format!("/notices/{}/reads/{}", at.read_by_none, at.biggest_building))),
    ]);

    cases.extend([
        case("/api/v1/family/links", Family, "own links", p("/family/links")),
        case("/api/v1/family/links", Resident, "own links", p("/family/links")),
        case("/api/v1/family/history", Family, "page 1", p("/family/history")),
        case("/api/v1/family/history", Family, "page 20", p("/family/history")).query("page", 20),
        case("/api/v1/help", Staff, "board", p("/help")),
        case("/api/v1/help/mine", Resident, "open request", p("/help/mine")),
    ]);

    let vote = |tail: &str| p(&format!("/hall/votes/{}{tail}", at.owners_vote));
    cases.extend([
        case("/api/v1/hall/votes", Resident, "every vote", p("/hall/votes")),
        case("/api/v1/hall/votes/{id}", Resident, "owners' vote, every owner voted", vote("")),
        case("/api/v1/hall/votes/{id}/receipts/{receipt}", Resident, "own receipt", vote(&format!("/receipts/{}", at.receipt))),
        case("/api/v1/hall/votes/{id}/export.csv", Staff, "owners' vote", vote("/export.csv")),
    ]);
    cases.extend(list("/api/v1/hall/votes/{id}/record", Resident, "owners' vote", vote("/record")));
    cases.extend(list("/api/v1/hall/votes/{id}/participants", Staff, "owners' vote", vote("/participants")));
    cases.extend(list("/api/v1/hall/topics", Resident, "", p("/hall/topics")));
    cases.push(case("/api/v1/hall/topics/{id}", Resident, "biggest thread", p(&format!("/hall/topics/{}", at.thread))));
    cases.extend(list("/api/v1/hall/topics/{id}/comments", Resident, "biggest thread", p(&format!("/hall/topics/{}/comments", at.thread))));
    cases.extend(list("/api/v1/hall/comments/{id}/replies", Resident, "most replied", p(&format!("/hall/comments/{}/replies", at.most_replied))));
    cases.push(case("/api/v1/hall/proposal-rules", Resident, "", p("/hall/proposal-rules")));

    let campaign = |tail: &str| p(&format!("/groceries/campaigns/{}{tail}", at.biggest_campaign));
    cases.extend([
        case("/api/v1/groceries/merchants", Staff, "every shop", p("/groceries/merchants")),
        case("/api/v1/groceries/merchants/me", Merchant, "own shop", p("/groceries/merchants/me")),
        case("/api/v1/groceries/campaigns", Resident, "open and recent", p("/groceries/campaigns")),
        case("/api/v1/groceries/campaigns", Staff, "open and recent", p("/groceries/campaigns")),
        case("/api/v1/groceries/campaigns", Merchant, "own campaigns", p("/groceries/campaigns")),
        case("/api/v1/groceries/campaigns/{id}", Resident, "biggest campaign", campaign("")),
        case("/api/v1/groceries/campaigns/{id}/dashboard", Merchant, "biggest campaign", campaign("/dashboard")),
        case("/api/v1/groceries/campaigns/{id}/picking", Merchant, "biggest campaign", campaign("/picking")),
        case("/api/v1/groceries/campaigns/{id}/picking.csv", Merchant, "biggest campaign", campaign("/picking.csv")),
    ]);
    let (building, batch) = at.picking_group;
    cases.extend(list("/api/v1/groceries/campaigns/{id}/picking/households", Merchant, "biggest group", campaign("/picking/households")).map(|case| {
        let case = case.query("building", building);
        match batch {
            Some(batch) => case.query("batch", batch),
            None => case,
        }
    }));
    cases.extend(list("/api/v1/groceries/orders", Resident, "household's orders", p("/groceries/orders")));
    cases.extend([
        case("/api/v1/groceries/orders/{id}", Resident, "largest own order", p(&format!("/groceries/orders/{}", at.order))),
        case("/api/v1/groceries/buy-again", Resident, "household's offers", p("/groceries/buy-again")),
    ]);

    cases.extend(list("/api/v1/wishes", Resident, "board", p("/wishes")));
    cases.extend(list("/api/v1/wishes", Resident, "thanked (closed)", p("/wishes")).map(|case| case.query("state", "closed")));
    cases.extend([
        case("/api/v1/wishes/mine", Resident, "own wishes", p("/wishes/mine")),
        case("/api/v1/wishes/mine", FamilyForResident, "resident's wishes", p("/wishes/mine")),
        case("/api/v1/wishes/claimed", Resident, "held as volunteer", p("/wishes/claimed")),
        case("/api/v1/wishes/review", Staff, "waiting for review", p("/wishes/review")),
        case("/api/v1/wishes/rules", Resident, "", p("/wishes/rules")),
        case("/api/v1/wishes/volunteers", Resident, "volunteer record", p("/wishes/volunteers")),
        case("/api/v1/wishes/thanks", Resident, "thanks wall", p("/wishes/thanks")),
        case("/api/v1/wishes/{id}", Resident, "own wish, longest history", p(&format!("/wishes/{}", at.wish))),
    ]);

    let service = |tail: &str| p(&format!("/services/{}{tail}", at.busiest_service));
    cases.extend([
        case("/api/v1/services", Resident, "every service", p("/services")),
        case("/api/v1/services/{id}", Resident, "busiest service", service("")),
        case("/api/v1/services/{id}/slots", Resident, "busiest, 7 days", service("/slots")),
        case("/api/v1/services/{id}/slots", Resident, "busiest, 14 days", service("/slots")).query("days", 14),
        case("/api/v1/services/rules", Resident, "", p("/services/rules")),
        case("/api/v1/services/stats", Staff, "every service", p("/services/stats")),
        case("/api/v1/services/{id}/bookings", Staff, "busiest, today", service("/bookings")),
        case("/api/v1/bookings", Resident, "own bookings", p("/bookings")),
        case("/api/v1/bookings", FamilyForResident, "resident's bookings", p("/bookings")),
        case("/api/v1/bookings/pending", Staff, "waiting for approval", p("/bookings/pending")),
        case("/api/v1/bookings/{id}", Resident, "own latest booking", p(&format!("/bookings/{}", at.booking))),
        case("/api/v1/bookings/{id}", Staff, "a resident's booking", p(&format!("/bookings/{}", at.booking))),
        case("/api/v1/services/{id}/queue", Staff, "busiest, today", service("/queue")),
        case("/api/v1/services/{id}/queue/display", Anyone, "busiest, today", service("/queue/display")),
    ]);

    cases.extend(list("/api/v1/reports", Resident, "own", p("/reports")));
    cases.extend(scoped(list("/api/v1/reports", Resident, "public", p("/reports")), "public"));
    cases.extend(scoped(list("/api/v1/reports", Staff, "handling (all)", p("/reports")), "handling"));
    cases.extend(scoped(list("/api/v1/reports", Property, "handling", p("/reports")), "handling"));
    cases.extend([
        case("/api/v1/reports/{id}", Resident, "most me-too, as neighbour", p(&format!("/reports/{}", at.report))),
        case("/api/v1/reports/{id}", Staff, "most me-too, as staff", p(&format!("/reports/{}", at.report))),
        case("/api/v1/reports/rules", Resident, "", p("/reports/rules")),
        case("/api/v1/reports/figures", Resident, "this month", p("/reports/figures")),
        case("/api/v1/reports/figures", Resident, "last month", p("/reports/figures")).query("year", last_month.year()).query("month", last_month.month()),
        case("/api/v1/uploads/{id}", Resident, "phone-sized photo", p(&format!("/uploads/{}", at.big_photo))),
        case("/api/v1/uploads/{id}", Resident, "small photo", p(&format!("/uploads/{}", at.small_photo))),
        Case { answer: Answer::FirstBytes, ..case("/api/v1/events", Resident, "stream opened", p("/events")) },
        case("/api/v1/openapi.json", Anyone, "", p("/openapi.json")),
        case("/healthz", Anyone, "", "/healthz".into()),
    ]);
    cases
}

/// The GET routes of the server's OpenAPI document that no case asks.
pub async fn uncovered(people: &People, cases: &[Case]) -> Vec<String> {
    let document: serde_json::Value = serde_json::from_slice(&people.get_json_bytes(&format!("{API}/openapi.json")).await).expect("the document is JSON");
    let covered: BTreeSet<&str> = cases.iter().map(|case| case.route).collect();
    let paths = document["paths"].as_object().expect("the document has paths");
    paths.iter().filter(|(_, methods)| methods.get("get").is_some()).map(|(path, _)| path.clone()).filter(|path| !covered.contains(path.as_str())).collect()
}
