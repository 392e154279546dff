package id.modo.verse.studio.prediction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fitted {@link AudienceModel}, fitted once at its first use (a few seconds; the time is logged) and kept for the
 * life of the app: the data and the seed are fixed, so every node fits the same model.
 */
@Component
class AudienceModels {

    private static final Logger log = LoggerFactory.getLogger(AudienceModels.class);

    private volatile AudienceModel model;

    AudienceModel model() {
        AudienceModel fitted = model;
        if (fitted == null) {
            synchronized (this) {
                fitted = model;
                if (fitted == null) {
                    long start = System.nanoTime();
                    fitted = AudienceModel.fit(FilmData.load());
                    ModelEvaluation e = fitted.evaluation();
                    log.info("Audience model {} fitted in {} ms on {} films; held-out R² {} (baseline {}), MdAPE {} (baseline {})",
                            AudienceModel.VERSION, (System.nanoTime() - start) / 1_000_000, e.trainingFilms(),
                            String.format("%.3f", e.r2()), String.format("%.3f", e.baselineR2()), String.format("%.3f", e.mdape()),
                            String.format("%.3f", e.baselineMdape()));
                    model = fitted;
                }
            }
        }
        return fitted;
    }
}
