# handshake-matrix/stack-PROFILE: one emulated stack profile (a shipped one or a user's) run by the stack agent,
# speaking the shim protocol (images/README.md) on a control port it prints in its ready line. Tag = harness
# version + hash of the profile file and the agent layer, so a changed profile rebuilds only its own image.
FROM {agent}
COPY stack-agent/{profile}.yaml /opt/hm/{profile}.yaml
CMD ["/opt/hm/jre/bin/java", "-XX:+UseSerialGC", "-Xss512k", "-cp", "/opt/hm/lib/*", "io.handshakematrix.agent.StackAgent", "--profile", "/opt/hm/{profile}.yaml"]
