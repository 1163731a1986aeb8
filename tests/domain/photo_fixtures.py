"""Photos made in memory with pillow for the photo tests, and a need to hang them on."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from PIL import ExifTags, Image

from server.models.needs import Need
from server.settings import Settings
from tests.cast import Cast

RED, BLUE = (255, 0, 0), (0, 0, 255)


def with_media(settings: Settings, tmp_path: Path) -> Settings:
    """The suite's settings with a media directory of this test's own."""
    return dataclasses.replace(settings, media_dir=tmp_path / "media")


def files_under(root: Path) -> list[str]:
    """Every file below ``root``, temporary ones included."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def phone_jpeg() -> bytes:
    """A 40x20 JPEG, red left and blue right, as a phone held upright writes it: stored
    sideways with Orientation=6, and carrying GPS, a camera make, XMP, ICC and a comment."""
    image = Image.new("RGB", (40, 20), RED)
    image.paste(BLUE, (20, 0, 40, 20))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (31.0, 14.0, 3.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (121.0, 28.0, 1.0)
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret place</x:xmpmeta>'
    return encoded(
        image, "JPEG", exif=exif, xmp=xmp, icc_profile=b"not-a-real-profile", comment=b"hello"
    )


def plain_jpeg(size: tuple[int, int] = (64, 48)) -> bytes:
    return encoded(Image.new("RGB", size, (10, 200, 30)), "JPEG", quality=90)


def noisy_jpeg(size: tuple[int, int] = (256, 256)) -> bytes:
    """A JPEG with real entropy, so that cutting it short cuts into its image data."""
    return encoded(Image.effect_noise(size, 80).convert("RGB"), "JPEG", quality=95)


def transparent_png() -> bytes:
    """Left half transparent, right half opaque blue."""
    image = Image.new("RGBA", (20, 10), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (10, 0, 20, 10))
    return encoded(image, "PNG")


def palette_png_with_transparency() -> bytes:
    image = Image.new("P", (10, 10), 0)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * (256 - 2) * 3)
    image.paste(1, (5, 0, 10, 10))
    return encoded(image, "PNG", transparency=0)


def webp() -> bytes:
    return encoded(Image.new("RGB", (30, 20), BLUE), "WEBP", quality=90)


def bomb_png(side: int) -> bytes:
    """A 1-bit PNG of ``side`` x ``side`` pixels: tens of kilobytes that decode to far more."""
    return encoded(Image.new("1", (side, side)), "PNG", optimize=True)


async def a_need(cast: Cast) -> Need:
    return await Need.create(
        centre=cast.centre_a,
        node=cast.grid_a,
        node_path=cast.grid_a.path,
        title="楼道灯坏了",
        requester=cast.resident,
    )
