"""Draws the application icon (packaging/icons/exoconsult.png and .ico) from the shipped DejaVu Sans Bold.
Run once after changing the design: python packaging/make_icon.py (needs Pillow, which reportlab brings)."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
SIZE = 256


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=44, fill=(22, 92, 125, 255))
    pen.ellipse((170, 30, 222, 82), fill=(168, 218, 236, 255))  # a small vesicle: the exosome
    font = ImageFont.truetype(str(FONT), 150)
    pen.text((SIZE / 2, SIZE / 2 + 8), "E", font=font, fill=(255, 255, 255, 255), anchor="mm")
    return image


if __name__ == "__main__":
    icon = draw()
    icon.save(HERE / "icons" / "exoconsult.png")
    icon.save(HERE / "icons" / "exoconsult.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
