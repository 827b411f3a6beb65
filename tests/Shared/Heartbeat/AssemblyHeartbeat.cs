// Every test of every test assembly keeps the runner's channel alive while it runs long (TestHeartbeatAttribute).
[assembly: Qwen3EvalTests.Gate.Heartbeat.TestHeartbeat]
