namespace Qwen3EvalTests.Cli.Gating;

/// <summary>
/// One subject of a gate case against the case's baseline, in points: the subject's accuracy minus the baseline, and the
/// same for the ends of the subject's 95 % (Wilson) interval.
/// </summary>
/// <param name="Subject">The subject id.</param>
/// <param name="Questions">Questions scored in the subject.</param>
/// <param name="Delta">Subject accuracy − baseline, in points.</param>
/// <param name="Low">The interval's low end − baseline.</param>
/// <param name="High">The interval's high end − baseline.</param>
public sealed record GateSubjectDelta(string Subject, int Questions, double Delta, double Low, double High);
