"""The public copy sites receive, without a site: formats, colours, names, bad files.
(The privacy of a published photo is tested against WordPress in tests/sync.)"""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageCms

from newsdesk.domain.photo import Photo
from newsdesk.photos.imaging import PhotoFileError
from newsdesk.photos.public import ascii_slug, public_copy, public_name


def _opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_transparent_png_stays_a_png_with_its_transparency(tmp_path):
    path = tmp_path / "logo.png"
    image = Image.new("RGBA", (64, 32), (0, 120, 200, 0))
    image.paste((0, 120, 200, 255), (0, 0, 32, 32))
    image.save(path)
    copy = public_copy(Photo(caption="A logo"), path)
    assert (copy.mime, copy.extension, copy.width, copy.height) == ("image/png", ".png", 64, 32)
    out = _opened(copy.data)
    assert out.mode == "RGBA"
    assert out.getpixel((10, 10))[3] == 255 and out.getpixel((50, 10))[3] == 0


def test_grey_stays_grey_with_its_profile_and_cmyk_becomes_rgb(tmp_path):
    grey = tmp_path / "grey.jpg"
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("L", (40, 30), 90).save(grey, "JPEG", quality=95)
    out = _opened(public_copy(Photo(), grey).data)
    assert out.mode == "L" and abs(out.getpixel((5, 5)) - 90) <= 2
    # An RGB profile on grey pixels would be a lie: the copy has no profile then.
    Image.new("L", (40, 30), 90).save(grey, "JPEG", icc_profile=profile)
    assert "icc_profile" not in _opened(public_copy(Photo(), grey).data).info

    cmyk = tmp_path / "print.jpg"
    Image.new("CMYK", (40, 30), (0, 255, 255, 0)).save(cmyk, "JPEG", quality=95)  # red ink
    out = _opened(public_copy(Photo(), cmyk).data)
    assert out.mode == "RGB"
    red, green, blue = out.getpixel((5, 5))
    assert red > 200 and green < 60 and blue < 60


def test_a_damaged_file_is_refused_by_name_and_left_as_it_is(tmp_path):
    path = tmp_path / "cut.jpg"
    Image.new("RGB", (300, 200), (10, 200, 10)).save(path, "JPEG")
    cut = path.read_bytes()[:400]
    path.write_bytes(cut)
    with pytest.raises(PhotoFileError, match=r"^Photo 7: the image is damaged or truncated"):
        public_copy(Photo(), path, label="Photo 7")
    assert path.read_bytes() == cut
    with pytest.raises(PhotoFileError, match="missing"):
        public_copy(Photo(), tmp_path / "gone.jpg", label="Photo 8")


def test_public_names_are_short_ascii_slugs_with_a_random_tail():
    assert ascii_slug("Émeutes à Saint-Denis : 12 arrestations, dit la préfecture") == (
        "emeutes-a-saint-denis-12-arrestations"  # six words at most
    )
    first, second = public_name("", "Smoke over the market"), public_name("Smoke over the market")
    assert first.startswith("smoke-over-the-market-") and first != second
    assert len(first.rsplit("-", 1)[1]) == 6
    assert public_name("مرفأ بيروت").startswith("photo-")  # no ASCII letters: a plain name
    assert len(public_name("a" * 300)) <= 48 + 7
