using Parley.Reports.Html;

namespace Parley.Reports.Tests.Html;

public sealed class MarkupTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<script>", "&lt;script&gt;")]
    [InlineData("say \"hi\" 'x'", "say \"hi\" 'x'")]
    [InlineData("Kim’s “deal” – ±", "Kim’s “deal” – ±")]
    [InlineData("", "")]
    public void Text_EncodesOnlyMarkupCharacters(string input, string expected) => Assert.Equal(expected, Markup.Text(input));

    [Fact]
    public void Attr_EncodesQuotes() => Assert.Equal("a &quot;b&quot; &#39;c&#39; &amp;", Markup.Attr("a \"b\" 'c' &"));

    [Fact]
    public void Text_DropsControlCharacters() => Assert.Equal("ab\tc\n", Markup.Text("a\u0001b\tc\n"));

    [Fact]
    public void Wrap_LongText_CutsAtMaxLinesWithEllipsis()
    {
        var lines = Markup.Wrap("one two three four five six seven", 9, 2);
        Assert.Equal(["one two", "three…"], lines);
    }

    [Fact]
    public void ShortName_LongNameWithParenthetical_DropsIt()
    {
        Assert.Equal("United States", Markup.ShortName("United States (Trump administration)", 26));
        Assert.Equal("Japan", Markup.ShortName("Japan", 26));
    }
}
