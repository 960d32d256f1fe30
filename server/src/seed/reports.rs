//! The demo's problem reports: a lift button that the property company is fixing (public, a
//! neighbour said "me too"), the elderly resident's leaking pipe waiting to be accepted
//! (private), and rubbish that was cleared, confirmed and rated last week (public).

use chrono::{DateTime, Duration, Utc};
use linli_api::ids::{CommunityId, ReportId, UserId};
use linli_api::reports::{ReportCategory, ReportEventKind as Kind, Route};
use sqlx::AnyConnection;

use super::DemoResident;
use crate::error::AppError;
use crate::reports::storage::{self as reports, NewEvent, NewReportRow};

/// One demo case as its reporter sent it.
struct DemoCase<'a> {
    reporter: &'a DemoResident,
    category: ReportCategory,
    location: &'static str,
    description: &'static str,
    public: bool,
    at: DateTime<Utc>,
}

async fn report(conn: &mut AnyConnection, community: CommunityId, case: &DemoCase<'_>) -> Result<ReportId, AppError> {
    let route = Route::default_for(case.category);
    let row = NewReportRow {
        community,
        reporter: case.reporter.id,
        reported_by: case.reporter.id,
        household: Some(case.reporter.household),
        category: case.category,
        location: case.location,
        description: case.description,
        public: case.public,
        route: &route,
        photos: &[],
        at: case.at,
    };
    let id = reports::insert_report(&mut *conn, &row).await?;
    let submitted = NewEvent { report: id, kind: Kind::Submitted, actor: Some(case.reporter.id), actor_name: case.reporter.account.name, detail: "", party: None, at: case.at };
    reports::record(conn, &submitted, &[]).await?;
    Ok(id)
}

pub(super) async fn seed_reports(
    conn: &mut AnyConnection,
    community: CommunityId,
    property: UserId,
    [elderly, owner, neighbour]: [&DemoResident; 3],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let manager = "张经理（物业）";
    let step = |report, kind, actor, actor_name, detail, at| NewEvent { report, kind, actor: Some(actor), actor_name, detail, party: None, at };

    let lift_at = now - Duration::hours(26);
    let lift = DemoCase {
        reporter: owner,
        category: ReportCategory::CommonAreas,
        location: "3栋1单元电梯",
        description: "电梯里“5”楼的按钮按了没反应，老人上下楼很不方便。",
        public: true,
        at: lift_at,
    };
    let lift = report(&mut *conn, community, &lift).await?;
    reports::second(&mut *conn, lift, neighbour.id, lift_at + Duration::hours(2)).await?;
    reports::accept(&mut *conn, lift, linli_api::reports::Party::PropertyCompany, property, lift_at + Duration::hours(1)).await?;
    reports::record(&mut *conn, &step(lift, Kind::Accepted, property, manager, "", lift_at + Duration::hours(1)), &[]).await?;
    reports::start(&mut *conn, lift, property).await?;
    reports::record(&mut *conn, &step(lift, Kind::Started, property, manager, "", lift_at + Duration::hours(3)), &[]).await?;

    let pipe = DemoCase {
        reporter: elderly,
        category: ReportCategory::HomeRepair,
        location: "2栋1单元201 厨房",
        description: "厨房水槽下面的水管漏水，地上总是湿的，怕滑倒。",
        public: false,
        at: now - Duration::hours(3),
    };
    report(&mut *conn, community, &pipe).await?;

    let rubbish_at = now - Duration::days(5);
    let rubbish = DemoCase {
        reporter: neighbour,
        category: ReportCategory::Environment,
        location: "5栋旁垃圾分类点",
        description: "垃圾桶满了一天没人清运，气味很大。",
        public: true,
        at: rubbish_at,
    };
    let rubbish = report(&mut *conn, community, &rubbish).await?;
    let (accepted, resolved, confirmed) = (rubbish_at + Duration::minutes(40), rubbish_at + Duration::hours(6), rubbish_at + Duration::days(1));
    reports::accept(&mut *conn, rubbish, linli_api::reports::Party::PropertyCompany, property, accepted).await?;
    reports::record(&mut *conn, &step(rubbish, Kind::Accepted, property, manager, "", accepted), &[]).await?;
    reports::resolve(&mut *conn, rubbish, property, resolved).await?;
    let note = "已清运并消毒，以后每天下午加一次清运。";
    reports::record(&mut *conn, &step(rubbish, Kind::Resolved, property, manager, note, resolved), &[]).await?;
    let thanks = "处理很及时，谢谢物业！";
    reports::confirm(&mut *conn, rubbish, resolved, Some((4, thanks)), confirmed).await?;
    let resident = neighbour.account.name;
    reports::record(&mut *conn, &step(rubbish, Kind::Confirmed, neighbour.id, resident, thanks, confirmed), &[]).await?;
    Ok(())
}
