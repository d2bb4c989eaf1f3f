# The application image, built without a JDK on the host (docker compose build):
# a build stage with the JDK and the Maven wrapper, then the jar alone on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY currency-core/pom.xml currency-core/
COPY currency-api/pom.xml currency-api/
COPY currency-ops/pom.xml currency-ops/
# the dependencies in a layer of their own: a change of source does not download them again
RUN ./mvnw -q -B dependency:go-offline -pl currency-core,currency-api -am || true
COPY currency-core currency-core
COPY currency-api currency-api
COPY currency-ops currency-ops
RUN ./mvnw -q -B -DskipTests package -pl currency-core,currency-api -am

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ledger
WORKDIR /app
COPY --from=build /src/currency-api/target/currency-api.jar /app/currency-api.jar
USER ledger
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/currency-api.jar"]
