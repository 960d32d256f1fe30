//! Health, the OpenAPI document, and the web app served beside the API.

mod common;

use common::Backend;

async fn health_reports_the_database(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let body: serde_json::Value = reqwest::get(format!("{}/healthz", app.running.url())).await.unwrap().json().await.unwrap();
    assert_eq!(body, serde_json::json!({"status": "ok", "database": "ok"}));
}

async fn the_openapi_document_covers_every_route(backend: Backend) {
    let Some(app) = common::spawn(backend).await else { return };
    let document: serde_json::Value =
        reqwest::get(app.client().url("/openapi.json")).await.unwrap().json().await.unwrap();
    let paths = document["paths"].as_object().expect("paths");
    let expected = [
        ("/api/v1/auth/register", "post"),
        ("/api/v1/auth/sign-in", "post"),
        ("/api/v1/auth/sign-out", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/me/preferences", "patch"),
        ("/api/v1/me/password", "post"),
        ("/api/v1/auth/reset-password", "post"),
        ("/api/v1/auth/sign-out-everywhere", "post"),
        ("/api/v1/community/accounts", "get"),
        ("/api/v1/community/accounts", "post"),
        ("/api/v1/community/accounts/{id}/disable", "post"),
        ("/api/v1/community/accounts/{id}/enable", "post"),
        ("/api/v1/community/accounts/{id}/reset-code", "post"),
        ("/api/v1/community/register", "get"),
        ("/api/v1/community/invites/sheet", "post"),
        ("/api/v1/community/invites/sheet.csv", "post"),
        ("/api/v1/community/register.csv", "get"),
        ("/api/v1/community/register/import", "post"),
        ("/api/v1/community/households/{id}", "get"),
        ("/api/v1/community/households/{id}", "patch"),
        ("/api/v1/community/residents/{id}/move-out", "post"),
        ("/api/v1/admin/communities", "get"),
        ("/api/v1/admin/communities", "post"),
        ("/api/v1/admin/communities/{id}/accounts", "post"),
        ("/api/v1/community/households", "get"),
        ("/api/v1/invites", "post"),
        ("/api/v1/notices", "get"),
        ("/api/v1/notices", "post"),
        ("/api/v1/notices/{id}", "get"),
        ("/api/v1/notices/{id}/read", "post"),
        ("/api/v1/notices/{id}/reads", "get"),
        ("/api/v1/notices/{id}/reads/{building}", "get"),
        ("/api/v1/family/invites", "post"),
        ("/api/v1/family/links", "get"),
        ("/api/v1/family/links", "post"),
        ("/api/v1/family/register", "post"),
        ("/api/v1/family/links/{id}", "patch"),
        ("/api/v1/family/links/{id}", "delete"),
        ("/api/v1/family/history", "get"),
        ("/api/v1/help", "get"),
        ("/api/v1/help", "post"),
        ("/api/v1/help/mine", "get"),
        ("/api/v1/help/{id}/acknowledge", "post"),
        ("/api/v1/help/{id}/close", "post"),
        ("/api/v1/hall/votes", "get"),
        ("/api/v1/hall/votes", "post"),
        ("/api/v1/hall/votes/{id}", "get"),
        ("/api/v1/hall/votes/{id}/ballot", "post"),
        ("/api/v1/hall/votes/{id}/record", "get"),
        ("/api/v1/hall/votes/{id}/receipts/{receipt}", "get"),
        ("/api/v1/hall/votes/{id}/participants", "get"),
        ("/api/v1/hall/votes/{id}/export.csv", "get"),
        ("/api/v1/hall/topics", "get"),
        ("/api/v1/hall/topics", "post"),
        ("/api/v1/hall/topics/{id}", "get"),
        ("/api/v1/hall/topics/{id}/support", "post"),
        ("/api/v1/hall/topics/{id}/vote", "post"),
        ("/api/v1/hall/topics/{id}/follow-up", "put"),
        ("/api/v1/hall/topics/{id}/comments", "post"),
        ("/api/v1/hall/topics/{id}/comments", "get"),
        ("/api/v1/hall/comments/{id}/replies", "get"),
        ("/api/v1/hall/comments/{id}/hide", "post"),
        ("/api/v1/hall/proposal-rules", "get"),
        ("/api/v1/hall/proposal-rules", "put"),
        ("/api/v1/communities", "get"),
        ("/api/v1/community/buildings", "get"),
        ("/api/v1/groceries/merchants", "get"),
        ("/api/v1/groceries/merchants", "post"),
        ("/api/v1/groceries/merchants/me", "get"),
        ("/api/v1/groceries/merchants/{id}/review", "post"),
        ("/api/v1/groceries/campaigns", "get"),
        ("/api/v1/groceries/campaigns", "post"),
        ("/api/v1/groceries/campaigns/{id}", "get"),
        ("/api/v1/groceries/campaigns/{id}/standing", "post"),
        ("/api/v1/groceries/campaigns/{id}/close", "post"),
        ("/api/v1/groceries/campaigns/{id}/dashboard", "get"),
        ("/api/v1/groceries/campaigns/{id}/picking", "get"),
        ("/api/v1/groceries/campaigns/{id}/picking/households", "get"),
        ("/api/v1/groceries/campaigns/{id}/picking.csv", "get"),
        ("/api/v1/groceries/campaigns/{id}/order", "put"),
        ("/api/v1/groceries/campaigns/{id}/order", "delete"),
        ("/api/v1/groceries/orders", "get"),
        ("/api/v1/groceries/orders/{id}", "get"),
        ("/api/v1/groceries/buy-again", "get"),
        ("/api/v1/groceries/pickups", "post"),
        ("/api/v1/wishes", "get"),
        ("/api/v1/wishes", "post"),
        ("/api/v1/wishes/mine", "get"),
        ("/api/v1/wishes/claimed", "get"),
        ("/api/v1/wishes/review", "get"),
        ("/api/v1/wishes/rules", "get"),
        ("/api/v1/wishes/rules", "put"),
        ("/api/v1/wishes/volunteers", "get"),
        ("/api/v1/wishes/thanks", "get"),
        ("/api/v1/wishes/{id}", "get"),
        ("/api/v1/wishes/{id}/review", "post"),
        ("/api/v1/wishes/{id}/claim", "post"),
        ("/api/v1/wishes/{id}/release", "post"),
        ("/api/v1/wishes/{id}/fulfil", "post"),
        ("/api/v1/wishes/{id}/confirm", "post"),
        ("/api/v1/wishes/{id}/withdraw", "post"),
        ("/api/v1/services", "get"),
        ("/api/v1/services", "post"),
        ("/api/v1/services/{id}", "get"),
        ("/api/v1/services/{id}", "put"),
        ("/api/v1/services/{id}/slots", "get"),
        ("/api/v1/services/rules", "get"),
        ("/api/v1/services/rules", "put"),
        ("/api/v1/services/stats", "get"),
        ("/api/v1/services/{id}/bookings", "get"),
        ("/api/v1/services/{id}/bookings", "post"),
        ("/api/v1/bookings", "get"),
        ("/api/v1/bookings/pending", "get"),
        ("/api/v1/bookings/{id}", "get"),
        ("/api/v1/bookings/{id}/cancel", "post"),
        ("/api/v1/bookings/{id}/review", "post"),
        ("/api/v1/bookings/{id}/rating", "post"),
        ("/api/v1/bookings/{id}/check-in", "post"),
        ("/api/v1/services/{id}/queue", "get"),
        ("/api/v1/services/{id}/queue/check-in", "post"),
        ("/api/v1/services/{id}/queue/walk-ins", "post"),
        ("/api/v1/services/{id}/queue/call-next", "post"),
        ("/api/v1/services/{id}/queue/display", "get"),
        ("/api/v1/queue/tickets/{id}/recall", "post"),
        ("/api/v1/queue/tickets/{id}/served", "post"),
        ("/api/v1/queue/tickets/{id}/no-show", "post"),
        ("/api/v1/reports", "get"),
        ("/api/v1/reports", "post"),
        ("/api/v1/reports/{id}", "get"),
        ("/api/v1/reports/{id}/me-too", "post"),
        ("/api/v1/reports/{id}/accept", "post"),
        ("/api/v1/reports/{id}/start", "post"),
        ("/api/v1/reports/{id}/resolve", "post"),
        ("/api/v1/reports/{id}/confirm", "post"),
        ("/api/v1/reports/{id}/reopen", "post"),
        ("/api/v1/reports/{id}/reassign", "post"),
        ("/api/v1/reports/{id}/merge", "post"),
        ("/api/v1/reports/rules", "get"),
        ("/api/v1/reports/rules", "put"),
        ("/api/v1/reports/figures", "get"),
        ("/api/v1/uploads", "post"),
        ("/api/v1/uploads/{id}", "get"),
        ("/api/v1/events/ticket", "post"),
        ("/api/v1/events", "get"),
        ("/api/v1/openapi.json", "get"),
        ("/healthz", "get"),
    ];
    for (path, method) in expected {
        assert!(paths.get(path).and_then(|p| p.get(method)).is_some(), "{method} {path} missing from the document");
    }
    let documented: usize = paths.values().map(|p| p.as_object().map_or(0, |m| m.len())).sum();
    assert_eq!(documented, expected.len(), "a route is documented that this test does not know: {:?}", paths.keys());
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
    // Endpoints a family member may use for a resident document the header.
    let parameters = document["paths"]["/api/v1/notices"]["get"]["parameters"].as_array().expect("parameters");
    assert!(parameters.iter().any(|p| p["name"] == "linli-acting-for" && p["in"] == "header"), "{parameters:?}");
}

async fn unknown_pages_get_the_web_app_and_unknown_api_paths_get_json(backend: Backend) {
    let Some(app) = common::spawn_with(backend, |config| {
        let web = config.data_dir.join(format!("web-{}", std::process::id()));
        std::fs::create_dir_all(&web).unwrap();
        std::fs::write(web.join("index.html"), "<!doctype html><title>Linli</title><main id=app></main>").unwrap();
        config.web_dir = web;
    })
    .await
    else {
        return;
    };
    let page = reqwest::get(format!("{}/notices/12", app.running.url())).await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("<title>Linli</title>"), "client-side routes get index.html");
    let api = reqwest::get(format!("{}/api/v2/anything", app.running.url())).await.unwrap();
    assert_eq!(api.status(), 404);
    let body: serde_json::Value = api.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
}

on_both_databases!(
    health_reports_the_database,
    the_openapi_document_covers_every_route,
    unknown_pages_get_the_web_app_and_unknown_api_paths_get_json,
);
