"""Screenshots a person looks at (artifacts/): the reporter's desk in English and Arabic, history.

Each shot is also checked for what it must show, so a blank or broken window fails.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from newsdesk.domain.article import Article, Source

BODY = """The port of Beirut reopened to container ships on Monday, three years after the blast that destroyed its grain silos and much of the surrounding district.

## Cranes back in service

Four of the six gantry cranes are working again, the port authority said, and the first vessel — a feeder ship from Mersin — unloaded 412 containers overnight.

> "This is the day we have been waiting for," said Hana Khoury, who runs a freight company near Gate 9.

Reconstruction of the silos has not started. Families of the victims have asked for them to stay as a memorial."""

AR_BODY = """أعاد ميناء بيروت فتح أبوابه أمام سفن الحاويات يوم الاثنين، بعد ثلاث سنوات على الانفجار.

قالت إدارة الميناء إن أربع رافعات من أصل ست عادت إلى العمل.

Reuters قالت إن أول سفينة أفرغت 412 حاوية خلال الليل."""


def _newsroom(store) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    samples = [
        Article(
            headline="Gaza truce talks resume in Doha as mediators push for deal",
            section="News",
            subsection="Politics",
            status="submitted",
            regions=["MENA", "Palestine"],
            priority=1,
        ),
        Article(
            headline="Opinion: Europe's energy bill is coming due",
            section="Articles",
            subsection="Opinion",
            status="draft",
            regions=["Europe"],
        ),
        Article(
            headline="In Pictures: Harvest season in the Bekaa valley",
            section="In Pictures",
            status="approved",
            regions=["MENA"],
        ),
        Article(
            headline="La inflación en Argentina baja por tercer mes consecutivo",
            edition="es",
            section="News",
            subsection="Economy",
            status="published",
            regions=["Latin America"],
        ),
        Article(
            headline="Central bank holds rates steady amid currency slide",
            section="News",
            subsection="Economy",
            status="in_edit",
        ),
        Article(
            headline="Heatwave grips southern Europe as wildfires spread",
            section="News",
            subsection="Environment",
            status="published",
            regions=["Europe"],
        ),
    ]
    for a in samples:
        store.articles.create(a)
    ar = store.articles.create(
        Article(
            headline="ميناء بيروت يعيد فتح أبوابه بعد ثلاث سنوات",
            edition="ar",
            section="News",
            subsection="Economy",
            body=AR_BODY,
            regions=["MENA"],
            tags=["لبنان", "بيروت"],
            byline="مكتب بيروت",
            dateline="بيروت",
        )
    )
    en = store.articles.create(
        Article(
            headline="Beirut port reopens to container ships three years after blast",
            standfirst="Four of six cranes are back in service; the ruined grain silos remain untouched.",
            body=BODY,
            byline="Amal Saeed",
            dateline="Beirut",
            section="News",
            subsection="Economy",
            regions=["MENA"],
            coverage="Lebanon's recovery",
            tags=["Beirut", "Lebanon", "Shipping"],
            sources=[
                Source(
                    "Reuters",
                    "https://www.reuters.com/world/middle-east/",
                    "news agency",
                    "Wire copy 06:40",
                    True,
                ),
                Source(
                    "Port authority statement",
                    "https://portdebeyrouth.com",
                    "official statement",
                    "PDF from press office",
                ),
            ],
        )
    )
    assert en.id is not None and ar.id is not None
    return en.id, ar.id


def test_reporters_desk_screenshots(qtbot, window, artifacts_dir):
    en_id, ar_id = _newsroom(window.store)
    window.resize(1440, 880)
    window.list_pane.apply_query()
    window.list_pane.select_article(en_id)
    window.editor.body_edit.setFocus()
    from newsdesk.domain.text import word_count

    stats = f"{word_count(BODY)} words  ·  1 Min Read"
    qtbot.waitUntil(lambda: window.editor.stats_label.text() == stats)  # counted off-thread
    shot = window.grab()
    assert shot.width() == 1440 and not shot.toImage().isNull()
    shot.save(str(artifacts_dir / "reporter-desk.png"))

    window.list_pane.select_article(ar_id)
    body = window.editor.body_edit
    qtbot.waitUntil(lambda: body.block_rtl(0) and body.block_rtl(4))
    window.grab().save(str(artifacts_dir / "reporter-desk-arabic.png"))

    window.list_pane.select_article(en_id)
    window.editor.body_edit.insertPlainText("Update: a second ship is expected on Wednesday. ")
    window.session.save()
    window.actions_by_name["history"].trigger()
    dialog = window.findChild(QDialog, "historyDialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.revision_list.setCurrentRow(1)
    qtbot.waitUntil(lambda: "Wednesday" in dialog.diff_view.toPlainText())
    dialog.grab().save(str(artifacts_dir / "history.png"))
    dialog.close()


def test_taxonomy_dialog_screenshot(qtbot, window, artifacts_dir):
    window.actions_by_name["taxonomy"].trigger()
    dialog = window.findChild(QDialog, "taxonomyDialog")
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.section_list.count() >= 6)
    dialog.grab().save(str(artifacts_dir / "taxonomy.png"))
    dialog.close()
