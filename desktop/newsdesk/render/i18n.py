"""The page's own words in each edition's language: labels, months, section names."""

from __future__ import annotations

from datetime import UTC, datetime

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "by": "By",
        "source": "Source",
        "sources": "Sources",
        "min_read": "{n} Min Read",
        "related": "Related News",
        "read_next": "Read Next",
        "tags": "Tags",
        "breaking": "Breaking",
        "preview": "Preview",
        "not_published": "not published",
        "home": "Home",
        "share": "Share",
        "footer": "Preview generated offline by Newsdesk.",
        "correction": "Correction",
    },
    "ar": {
        "by": "بقلم",
        "source": "المصدر",
        "sources": "المصادر",
        "min_read": "{n} دقائق قراءة",
        "related": "أخبار ذات صلة",
        "read_next": "اقرأ أيضاً",
        "tags": "الوسوم",
        "breaking": "عاجل",
        "preview": "معاينة",
        "not_published": "غير منشور",
        "home": "الرئيسية",
        "share": "مشاركة",
        "footer": "معاينة أُنشئت دون اتصال بواسطة Newsdesk.",
        "correction": "تصحيح",
    },
    "es": {
        "by": "Por",
        "source": "Fuente",
        "sources": "Fuentes",
        "min_read": "{n} min de lectura",
        "related": "Noticias relacionadas",
        "read_next": "Lee también",
        "tags": "Etiquetas",
        "breaking": "Última hora",
        "preview": "Vista previa",
        "not_published": "sin publicar",
        "home": "Inicio",
        "share": "Compartir",
        "footer": "Vista previa generada sin conexión por Newsdesk.",
        "correction": "Corrección",
    },
}

_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
    "ar": [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
}

_SECTIONS = {
    "ar": {
        "News": "أخبار",
        "Politics": "سياسة",
        "Economy": "اقتصاد",
        "Sports": "رياضة",
        "Arts & Culture": "ثقافة وفنون",
        "Health": "صحة",
        "Miscellaneous": "منوعات",
        "Technology": "تكنولوجيا",
        "Environment": "بيئة",
        "Articles": "مقالات",
        "Opinion": "رأي",
        "Analysis": "تحليل",
        "Blog": "مدونة",
        "Features": "تقارير",
        "Videos": "فيديو",
        "Infographs": "إنفوغراف",
        "In Pictures": "بالصور",
        "Live": "مباشر",
    },
    "es": {
        "News": "Noticias",
        "Politics": "Política",
        "Economy": "Economía",
        "Sports": "Deportes",
        "Arts & Culture": "Arte y cultura",
        "Health": "Salud",
        "Miscellaneous": "Miscelánea",
        "Technology": "Tecnología",
        "Environment": "Medio ambiente",
        "Articles": "Artículos",
        "Opinion": "Opinión",
        "Analysis": "Análisis",
        "Blog": "Blog",
        "Features": "Reportajes",
        "Videos": "Vídeos",
        "Infographs": "Infografías",
        "In Pictures": "En imágenes",
        "Live": "En directo",
    },
}

_STATUSES = {
    "ar": {
        "draft": "مسودة",
        "submitted": "مُرسل",
        "in_edit": "قيد التحرير",
        "returned": "مُعاد",
        "approved": "مُعتمد",
        "scheduled": "مُجدول",
        "published": "منشور",
        "spiked": "مُستبعد",
        "killed": "مسحوب",
    },
    "es": {
        "draft": "borrador",
        "submitted": "enviado",
        "in_edit": "en edición",
        "returned": "devuelto",
        "approved": "aprobado",
        "scheduled": "programado",
        "published": "publicado",
        "spiked": "descartado",
        "killed": "retirado",
    },
}

NAV_SECTIONS = ("News", "Articles", "Videos", "Infographs", "In Pictures", "Live")


def labels(edition: str) -> dict[str, str]:
    return _LABELS.get(edition, _LABELS["en"])


def section_name(name: str, edition: str) -> str:
    return _SECTIONS.get(edition, {}).get(name, name)


def status_name(status: str, edition: str) -> str:
    return _STATUSES.get(edition, {}).get(status, status.replace("_", " "))


def parse_timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def format_datetime(value: str | None, edition: str) -> str:
    """ "16 Dec 2022 20:05" (UTC), with the month in the edition's language."""
    stamp = parse_timestamp(value)
    if stamp is None:
        return ""
    stamp = stamp.astimezone(UTC)
    month = _MONTHS.get(edition, _MONTHS["en"])[stamp.month - 1]
    return f"{stamp.day} {month} {stamp.year} {stamp:%H:%M}"


def format_date(value: str | None, edition: str) -> str:
    full = format_datetime(value, edition)
    return full.rsplit(" ", 1)[0] if full else ""


def read_time(minutes: int, edition: str) -> str:
    return labels(edition)["min_read"].format(n=max(1, minutes))
