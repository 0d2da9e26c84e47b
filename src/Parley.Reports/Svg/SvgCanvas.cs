using System.Text;
using Parley.Reports.Html;

namespace Parley.Reports.Svg;

/// <summary>
/// Writes one inline SVG element by hand: invariant-culture coordinates, HTML-encoded text, styling by CSS class
/// (the report's stylesheet styles every chart). Not thread-safe.
/// </summary>
internal sealed class SvgCanvas
{
    private readonly StringBuilder _sb = new();
    private int _depth;

    /// <summary>Opens an &lt;svg&gt; of <paramref name="width"/> × <paramref name="height"/> user units that scales to its container. No xmlns: inline SVG in HTML needs none, and the report then holds no URL at all.</summary>
    public SvgCanvas(string id, string cssClass, double width, double height, string title)
    {
        Width = width;
        Height = height;
        _sb.Append("<svg id=\"").Append(Markup.Attr(id))
            .Append("\" class=\"chart ").Append(Markup.Attr(cssClass))
            .Append("\" viewBox=\"0 0 ").Append(Num.C(width)).Append(' ').Append(Num.C(height))
            .Append("\" role=\"img\" aria-label=\"").Append(Markup.Attr(title)).Append("\">")
            .Append("<title>").Append(Markup.Text(title)).Append("</title>\n");
    }

    public double Width { get; }

    public double Height { get; }

    public SvgCanvas Group(string cssClass, string? dataAttributes = null)
    {
        _sb.Append("<g class=\"").Append(Markup.Attr(cssClass)).Append('"');
        if (dataAttributes is not null)
        {
            _sb.Append(' ').Append(dataAttributes);
        }

        _sb.Append(">\n");
        _depth++;
        return this;
    }

    public SvgCanvas EndGroup()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("No open group to end.");
        }

        _depth--;
        _sb.Append("</g>\n");
        return this;
    }

    public SvgCanvas Line(double x1, double y1, double x2, double y2, string cssClass)
    {
        _sb.Append("<line class=\"").Append(Markup.Attr(cssClass)).Append("\" x1=\"").Append(Num.C(x1)).Append("\" y1=\"").Append(Num.C(y1))
            .Append("\" x2=\"").Append(Num.C(x2)).Append("\" y2=\"").Append(Num.C(y2)).Append("\"/>\n");
        return this;
    }

    public SvgCanvas Rect(double x, double y, double w, double h, string cssClass, string? tooltip = null)
    {
        _sb.Append("<rect class=\"").Append(Markup.Attr(cssClass)).Append("\" x=\"").Append(Num.C(x)).Append("\" y=\"").Append(Num.C(y))
            .Append("\" width=\"").Append(Num.C(Math.Max(0, w))).Append("\" height=\"").Append(Num.C(Math.Max(0, h))).Append('"');
        return CloseShape("rect", tooltip);
    }

    public SvgCanvas Circle(double cx, double cy, double r, string cssClass, string? tooltip = null)
    {
        _sb.Append("<circle class=\"").Append(Markup.Attr(cssClass)).Append("\" cx=\"").Append(Num.C(cx)).Append("\" cy=\"").Append(Num.C(cy))
            .Append("\" r=\"").Append(Num.C(r)).Append('"');
        return CloseShape("circle", tooltip);
    }

    /// <summary>A polyline through the points (x, y) in order.</summary>
    public SvgCanvas Polyline(IEnumerable<(double X, double Y)> points, string cssClass, string? tooltip = null)
    {
        _sb.Append("<polyline class=\"").Append(Markup.Attr(cssClass)).Append("\" points=\"");
        var first = true;
        foreach (var (x, y) in points)
        {
            if (!first)
            {
                _sb.Append(' ');
            }

            first = false;
            _sb.Append(Num.C(x)).Append(',').Append(Num.C(y));
        }

        _sb.Append('"');
        return CloseShape("polyline", tooltip);
    }

    /// <summary>Text at (x, y); <paramref name="anchor"/> is start, middle or end.</summary>
    public SvgCanvas Text(double x, double y, string text, string cssClass, string anchor = "start")
    {
        _sb.Append("<text class=\"").Append(Markup.Attr(cssClass)).Append("\" x=\"").Append(Num.C(x)).Append("\" y=\"").Append(Num.C(y)).Append('"');
        if (anchor != "start")
        {
            _sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        _sb.Append('>').Append(Markup.Text(text)).Append("</text>\n");
        return this;
    }

    /// <summary>Several lines of text, the first baseline at y, <paramref name="lineHeight"/> apart.</summary>
    public SvgCanvas TextLines(double x, double y, IReadOnlyList<string> lines, double lineHeight, string cssClass, string anchor = "start")
    {
        for (var k = 0; k < lines.Count; k++)
        {
            Text(x, y + (k * lineHeight), lines[k], cssClass, anchor);
        }

        return this;
    }

    /// <summary>Closes the element and returns the SVG markup.</summary>
    public override string ToString()
    {
        if (_depth != 0)
        {
            throw new InvalidOperationException($"{_depth} group(s) left open.");
        }

        return _sb + "</svg>";
    }

    private SvgCanvas CloseShape(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            _sb.Append("/>\n");
        }
        else
        {
            _sb.Append("><title>").Append(Markup.Text(tooltip)).Append("</title></").Append(element).Append(">\n");
        }

        return this;
    }
}
