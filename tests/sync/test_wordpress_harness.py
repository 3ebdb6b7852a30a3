"""Smoke test of the harness itself: both sites answer, roles and passwords are real."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.wordpress


@pytest.mark.parametrize("role", ["administrator", "editor", "author", "contributor"])
def test_each_role_logs_in_with_its_application_password(wordpress, role):
    with wordpress.client(role) as client:
        me = client.get("/wp/v2/users/me", params={"context": "edit"})
    assert me.status_code == 200, me.text
    assert me.json()["roles"] == [role]


def test_a_wrong_password_is_refused_on_private_routes(wordpress):
    me = httpx.get(f"{wordpress.api}/wp/v2/users/me", auth=("editor", "wrong pass word"))
    assert me.status_code == 401


def test_pretty_permalinks_and_json_bodies(wordpress):
    with wordpress.client("editor") as client:
        made = client.post("/wp/v2/posts", json={"title": "Harness smoke", "status": "publish"})
        assert made.status_code == 201, made.text
        post = made.json()
        assert post["link"].endswith("/harness-smoke/")
        page = httpx.get(post["link"])
        assert page.status_code == 200
        client.delete(f"/wp/v2/posts/{post['id']}", params={"force": True})


def test_contributors_cannot_publish(wordpress):
    with wordpress.client("contributor") as client:
        refused = client.post("/wp/v2/posts", json={"title": "No", "status": "publish"})
    assert refused.status_code == 403
    assert refused.json()["code"] == "rest_cannot_publish"


def test_plugin_site_has_the_companion_plugin_and_the_plain_site_does_not(
    wordpress, wordpress_plugin
):
    assert httpx.get(f"{wordpress_plugin.api}/newsdesk/v1/info").json()["plugin"] == "newsdesk-sync"
    assert httpx.get(f"{wordpress.api}/newsdesk/v1/info").status_code == 404


def test_plugin_refuses_a_stale_write_with_409(wordpress_plugin):
    with wordpress_plugin.client("editor") as client:
        post = client.post("/wp/v2/posts", json={"title": "Stale", "status": "draft"}).json()
        fresh = client.post(
            f"/wp/v2/posts/{post['id']}",
            json={"title": "Fresh"},
            headers={"X-Newsdesk-Base-Modified": post["modified_gmt"]},
        )
        assert fresh.status_code == 200, fresh.text
        stale = client.post(
            f"/wp/v2/posts/{post['id']}",
            json={"title": "Stale again"},
            headers={"X-Newsdesk-Base-Modified": "2001-01-01T00:00:00"},
        )
        assert stale.status_code == 409
        assert stale.json()["data"]["modified_gmt"] == fresh.json()["modified_gmt"]
        assert client.get(f"/wp/v2/posts/{post['id']}").json()["title"]["rendered"] == "Fresh"


def test_plugin_finds_a_post_by_uuid_and_keeps_meta(wordpress_plugin):
    uuid = "5e1d0c6e-1111-4e5f-9c1a-000000000001"
    with wordpress_plugin.client("author") as client:
        # The names plugin 1.x took: a Newsdesk of that time still writes through them.
        made = client.post(
            "/wp/v2/posts",
            json={"title": "By uuid", "meta": {"newsdesk_uuid": uuid, "newsdesk_markdown": "*x*"}},
        )
        assert made.status_code == 201, made.text
        found = client.get(
            "/wp/v2/posts", params={"newsdesk_uuid": uuid, "status": "any", "context": "edit"}
        ).json()
        assert [p["id"] for p in found] == [made.json()["id"]]
        assert found[0]["meta"]["_newsdesk_markdown"] == "*x*"
        assert found[0]["meta"]["_newsdesk_content_sha"]
        other = client.get("/wp/v2/posts", params={"newsdesk_uuid": "nope", "status": "any"})
        assert other.json() == []
