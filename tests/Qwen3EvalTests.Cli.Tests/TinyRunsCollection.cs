namespace Qwen3EvalTests.Cli.Tests;

/// <summary>The tests that share <see cref="TinyRunOutputs"/> (made once for all of them).</summary>
[CollectionDefinition(Name)]
public sealed class TinyRunsCollection : ICollectionFixture<TinyRunOutputs>
{
    public const string Name = "tiny runs";
}
