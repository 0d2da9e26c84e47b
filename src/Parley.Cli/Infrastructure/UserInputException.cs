namespace Parley.Cli.Infrastructure;

/// <summary>A problem with what the user asked for (unknown variant, bad option value). Exit code 2, no stack trace.</summary>
internal sealed class UserInputException : Exception
{
    public UserInputException(string message)
        : base(message)
    {
    }

    public UserInputException()
    {
    }

    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
