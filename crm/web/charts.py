"""Server-rendered SVG charts: no JavaScript library, nothing from the internet, readable by screen
readers (role="img" with a title and a description that lists the figures)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

PALETTE = ("#0b6e4f", "#1f5f99", "#b44d12", "#7b3fa0", "#ab091e", "#3d7a00", "#8a6d00", "#616e7c")


def _number(value) -> float:
    return float(value) if isinstance(value, Decimal) else float(value or 0)


def bar_chart(
    labels: Sequence[str], series: Sequence[tuple[str, Sequence]], *, title: str, height: int = 180
) -> SafeString:
    """Grouped bars: one group per label, one bar per series; a legend when there are several."""
    width = max(320, 36 * len(labels) * max(1, len(series)) + 60)
    top, bottom, left = 10, 28, 36
    plot_h = height - top - bottom
    peak = max([_number(v) for _name, values in series for v in values] + [1])
    group_w = (width - left - 10) / max(1, len(labels))
    bar_w = max(4, (group_w - 8) / max(1, len(series)))
    bars, ticks = [], []
    for i, label in enumerate(labels):
        x0 = left + i * group_w + 4
        for j, (_name, values) in enumerate(series):
            value = _number(values[i])
            h = plot_h * value / peak
            bars.append(
                (
                    f"{x0 + j * bar_w:.1f}",
                    f"{top + plot_h - h:.1f}",
                    f"{bar_w - 2:.1f}",
                    f"{h:.1f}",
                    PALETTE[j % len(PALETTE)],
                    label,
                    f"{value:g}",
                )
            )
        ticks.append((f"{x0 + group_w / 2 - 4:.1f}", height - 10, label))
    description = "; ".join(
        f"{label}: " + ", ".join(f"{name} {values[i]}" for name, values in series) for i, label in enumerate(labels)
    )
    rects = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{} {}</title></rect>',
        bars,
    )
    texts = format_html_join("", '<text x="{}" y="{}" text-anchor="middle">{}</text>', ticks)
    legend = format_html_join(
        "",
        '<span style="display:inline-flex;align-items:center;gap:4px;margin-right:10px">'
        '<span style="width:10px;height:10px;background:{};display:inline-block"></span>{}</span>',
        ((PALETTE[j % len(PALETTE)], name) for j, (name, _v) in enumerate(series)),
    )
    return format_html(
        '<figure style="margin:0;overflow-x:auto"><svg class="chart" role="img" viewBox="0 0 {w} {h}" '
        'style="width:100%;min-width:{minw}px;height:auto" aria-label="{title}">'
        "<title>{title}</title><desc>{desc}</desc>"
        '<line x1="{left}" y1="{base}" x2="{w}" y2="{base}" stroke="#9aa5b1"/>'
        '<text x="4" y="{ty}">{peak}</text>{rects}{texts}</svg>{legend}</figure>',
        w=int(width),
        minw=min(int(width), 640),
        h=height,
        title=title,
        desc=description,
        left=left,
        base=top + plot_h,
        ty=top + 10,
        peak=f"{peak:g}",
        rects=rects,
        texts=texts,
        legend=format_html('<figcaption class="muted">{}</figcaption>', legend) if len(series) > 1 else "",
    )
