namespace Parley.Cli.Rendering;

/// <summary>What each model is and what is known about its accuracy, shown beside every forecast.</summary>
internal static class ModelNotes
{
    /// <summary>Mean absolute error on 351 EU decisions (0–100 scale), where known.</summary>
    public static string Accuracy(string model) => model switch
    {
        "compromise" => "mean error 23 points on 351 EU decisions",
        "eum" => "mean error 27 points on 351 EU decisions",
        _ => "no published accuracy on the EU decisions",
    };
}
